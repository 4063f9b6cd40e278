package no.overdosevarsel.dispatch.channel.email;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.alert.AlertInfo;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import no.overdosevarsel.contracts.sms.AlertSms;
import no.overdosevarsel.dispatch.web.PublicLinks;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Subject, plain text and HTML of an alert email, in the subscriber's language, from Thymeleaf templates. The templates
 * run once per alert version and language: only the unsubscribe link differs between recipients, so it is rendered
 * as a placeholder link and replaced in the result.
 */
final class EmailAlertRenderer {

    private static final ZoneId NORWAY = ZoneId.of("Europe/Oslo");
    private static final int CACHED_RENDERINGS = 256;

    private final TemplateEngine templates;
    private final MessageSource messages;
    private final RegionCatalogue regions;
    private final PublicLinks links;
    /** Random, so that no text in an alert can contain it. */
    private final String placeholderUrl;

    private final Map<Key, Reusable> renderings = new ConcurrentHashMap<>();

    EmailAlertRenderer(TemplateEngine templates, MessageSource messages, RegionCatalogue regions, PublicLinks links) {
        this.templates = templates;
        this.messages = messages;
        this.regions = regions;
        this.links = links;
        this.placeholderUrl =
                links.unsubscribe("unsubscribe" + UUID.randomUUID().toString().replace("-", ""));
    }

    Rendered render(AlertEvent alert, String language, @Nullable String unsubscribeUrl) {
        // A link that HTML escaping would change cannot simply replace the placeholder: rendered in full.
        if (unsubscribeUrl != null && unsubscribeUrl.chars().anyMatch(c -> "&<>\"'".indexOf(c) >= 0)) {
            return renderFully(alert, language, unsubscribeUrl);
        }
        if (renderings.size() > CACHED_RENDERINGS) {
            renderings.clear();
        }
        Reusable reusable = renderings.computeIfAbsent(
                new Key(alert.alertId(), alert.version(), language, unsubscribeUrl != null), key -> {
                    Rendered rendered = renderFully(alert, language, key.withLink() ? placeholderUrl : null);
                    boolean linkFound = !key.withLink()
                            || (rendered.text().contains(placeholderUrl)
                                    && rendered.html().contains(placeholderUrl));
                    return new Reusable(rendered, linkFound);
                });
        if (unsubscribeUrl == null) {
            return reusable.rendered();
        }
        if (!reusable.linkFound()) {
            return renderFully(alert, language, unsubscribeUrl);
        }
        Rendered template = reusable.rendered();
        return new Rendered(
                template.subject(),
                template.text().replace(placeholderUrl, unsubscribeUrl),
                template.html().replace(placeholderUrl, unsubscribeUrl));
    }

    private Rendered renderFully(AlertEvent alert, String language, @Nullable String unsubscribeUrl) {
        Locale locale = Locale.forLanguageTag(language);
        AlertInfo info = alert.info(language);
        List<String> places = alert.regions().stream().map(regions::displayName).toList();
        String type = AlertSms.typeWord(alert.msgType(), language);
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

    private record Key(UUID alertId, int version, String language, boolean withLink) {}

    /** @param linkFound false if the placeholder link did not come out verbatim, so it cannot be replaced */
    private record Reusable(Rendered rendered, boolean linkFound) {}
}
