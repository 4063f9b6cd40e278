package no.overdosevarsel.dispatch.page;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.alert.AlertInfo;
import no.overdosevarsel.contracts.alert.AlertStatus;
import no.overdosevarsel.contracts.region.Region;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import no.overdosevarsel.dispatch.feed.OsloTime;
import no.overdosevarsel.dispatch.feed.PublishedAlert;
import no.overdosevarsel.dispatch.feed.Rendering;
import no.overdosevarsel.dispatch.web.PublicLinks;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.IContext;

/**
 * The alert page as HTML from a Thymeleaf template. Every piece of alert text goes through {@code th:text}, so it is
 * escaped. When the page is English but the alert has no English text, the bokmål text is shown under an English
 * interface and marked {@code lang="nb"}.
 */
@Component
class AlertPageRenderer {

    static final Locale BOKMAL = Locale.forLanguageTag("nb");

    private final ITemplateEngine templates;
    private final MessageSource messages;
    private final PublicLinks links;
    private final RegionCatalogue regions;

    AlertPageRenderer(ITemplateEngine templates, MessageSource messages, PublicLinks links) {
        this.templates = templates;
        this.messages = messages;
        this.links = links;
        this.regions = RegionCatalogue.norway();
    }

    Rendering page(PublishedAlert published, Locale locale) {
        AlertEvent alert = published.current();
        String language = locale.getLanguage();
        AlertInfo info = alert.info(language);
        Context context = new Context(locale);
        context.setVariable("lang", language);
        context.setVariable("textLang", info.language());
        context.setVariable(
                "translationMissing", !info.language().toLowerCase(Locale.ROOT).startsWith(language));
        context.setVariable("info", info);
        context.setVariable("state", published.state().name());
        context.setVariable("type", message("page.msgType." + alert.msgType().name(), locale));
        context.setVariable(
                "notReal",
                alert.status() == AlertStatus.Actual
                        ? null
                        : message("page.alertStatus." + alert.status().name(), locale));
        context.setVariable("severity", message("severity." + alert.severity().name(), locale));
        context.setVariable("severityLevel", alert.severity().name().toLowerCase(Locale.ROOT));
        context.setVariable(
                "places",
                String.join(", ", alert.regions().stream().map(this::name).toList()));
        context.setVariable("effective", OsloTime.format(alert.effective(), locale));
        context.setVariable("expires", OsloTime.format(alert.expires(), locale));
        context.setVariable("version", alert.version());
        context.setVariable("updated", OsloTime.format(alert.sent(), locale));
        context.setVariable("web", published.webLink().orElse(null));
        context.setVariable("feeds", feeds(alert, locale));
        context.setVariable("capUrl", capUrl(alert));
        String other = language.equals("en") ? "nb" : "en";
        context.setVariable("otherLang", other);
        context.setVariable("otherLangUrl", pageUrl(alert.alertId(), other));
        return Rendering.of(render("dispatch/page/alert", context), Rendering.HTML, published.changedAt());
    }

    String notFound(Locale locale) {
        Context context = new Context(locale);
        context.setVariable("lang", locale.getLanguage());
        context.setVariable("nationalRss", links.feed(Region.NATIONAL_CODE, "rss"));
        context.setVariable("nationalAtom", links.feed(Region.NATIONAL_CODE, "atom"));
        return render("dispatch/page/not-found", context);
    }

    private List<FeedLinks> feeds(AlertEvent alert, Locale locale) {
        return alert.regions().stream()
                .distinct()
                .map(code -> new FeedLinks(
                        message("page.feedTitle", locale, name(code)),
                        links.feed(code, "rss"),
                        links.feed(code, "atom")))
                .toList();
    }

    private String name(String code) {
        return regions.find(code).map(Region::name).orElse(code);
    }

    private String capUrl(AlertEvent alert) {
        return UriComponentsBuilder.fromUri(links.publicBaseUrl())
                .path("/cap/{id}/{version}.xml")
                .buildAndExpand(alert.alertId(), alert.version())
                .toUriString();
    }

    private String pageUrl(UUID alertId, String language) {
        return UriComponentsBuilder.fromUriString(links.alertPage(alertId))
                .queryParam("lang", language)
                .build()
                .toUriString();
    }

    private String render(String template, IContext context) {
        return templates.process(template, context);
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** One region's feeds, for the page's links and its autodiscovery tags. */
    record FeedLinks(String title, String rss, String atom) {}
}
