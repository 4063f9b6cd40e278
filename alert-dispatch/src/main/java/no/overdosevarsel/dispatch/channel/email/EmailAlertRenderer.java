package no.overdosevarsel.dispatch.channel.email;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.alert.AlertInfo;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import no.overdosevarsel.dispatch.web.PublicLinks;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/** Subject, plain text and HTML of an alert email, in the subscriber's language, from Thymeleaf templates. */
final class EmailAlertRenderer {

    private static final ZoneId NORWAY = ZoneId.of("Europe/Oslo");

    private final TemplateEngine templates;
    private final MessageSource messages;
    private final RegionCatalogue regions;
    private final PublicLinks links;

    EmailAlertRenderer(TemplateEngine templates, MessageSource messages, RegionCatalogue regions, PublicLinks links) {
        this.templates = templates;
        this.messages = messages;
        this.regions = regions;
        this.links = links;
    }

    Rendered render(AlertEvent alert, String language, @Nullable String unsubscribeUrl) {
        Locale locale = Locale.forLanguageTag(language);
        AlertInfo info = alert.info(language);
        List<String> places = alert.regions().stream().map(regions::displayName).toList();
        String type = messages.getMessage("sms.type." + alert.msgType().name(), null, locale);
        String severity = messages.getMessage("severity." + alert.severity().name(), null, locale);
        String subject = type + " (" + severity + "): " + info.headline().strip() + " – " + String.join(", ", places);
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(locale)
                .withZone(NORWAY);

        Context context = new Context(locale);
        context.setVariable("alert", alert);
        context.setVariable("info", info);
        context.setVariable("type", type);
        context.setVariable("severity", severity);
        context.setVariable("places", String.join(", ", places));
        context.setVariable("effective", time.format(alert.effective()));
        context.setVariable("expires", time.format(alert.expires()));
        context.setVariable("alertUrl", links.alertPage(alert.alertId()));
        context.setVariable("unsubscribeUrl", unsubscribeUrl);
        context.setVariable("language", locale.getLanguage());
        String text = templates.process("alert.txt", context);
        String html = templates.process("alert.html", context);
        return new Rendered(subject.replaceAll("\\s+", " "), text, html);
    }

    record Rendered(String subject, String text, String html) {}
}
