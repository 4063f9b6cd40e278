package no.overdosevarsel.subscriber.manage.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import no.overdosevarsel.subscriber.manage.ManageLinks;
import no.overdosevarsel.subscriber.subscription.SubscriberData;
import no.overdosevarsel.subscriber.subscription.SubscriberExport;
import no.overdosevarsel.subscriber.subscription.SubscriberId;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Where a manage link leads a person: what is stored about them, a link to download it all as JSON, and a button that
 * erases it. HTML forms cannot send DELETE, so the button posts to {@code /manage/{token}/erase}. In the client's
 * language (bokmål unless the browser asks for English); every value shown is escaped.
 */
@RestController
class ManagePage {

    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;"
            + "padding:0 1rem;line-height:1.5;color:#111;background:#fff}"
            + "button{font:inherit;padding:.6rem 1.2rem;border:2px solid #8a0b0b;border-radius:.3rem;background:#8a0b0b;"
            + "color:#fff;cursor:pointer}button:focus,a:focus{outline:3px solid #f5a623;outline-offset:2px}"
            + "dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}";

    private final ManageLinks links;
    private final SubscriberData data;
    private final MessageSource messages;

    ManagePage(ManageLinks links, SubscriberData data, MessageSource messages) {
        this.links = links;
        this.data = data;
        this.messages = messages;
    }

    @GetMapping(path = "/manage/{token}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> page(@PathVariable String token) {
        Locale locale = LocaleContextHolder.getLocale();
        List<SubscriberId> ids = links.subscribersOf(token).orElse(null);
        if (ids == null) {
            return html(
                    HttpStatus.FORBIDDEN, locale, "manage.page.invalid.title", p(text("manage.page.invalid", locale)));
        }
        List<SubscriberExport> subscribers = data.export(ids);
        if (subscribers.isEmpty()) {
            return html(HttpStatus.OK, locale, "manage.page.title", p(text("manage.page.nothing", locale)));
        }
        StringBuilder body = new StringBuilder(p(text("manage.page.intro", locale)));
        for (SubscriberExport subscriber : subscribers) {
            body.append("<section><dl>\n")
                    .append(row(
                            locale,
                            "manage.page.regions",
                            subscriber.regions().stream()
                                    .map(SubscriberExport.RegionData::name)
                                    .collect(Collectors.joining(", "))))
                    .append(row(
                            locale,
                            "manage.page.contact-points",
                            subscriber.contactPoints().stream()
                                    .map(c -> c.channel() + " " + c.address())
                                    .collect(Collectors.joining(", "))))
                    .append(row(
                            locale,
                            "manage.page.severity",
                            subscriber.minimumSeverity().name()))
                    .append(row(locale, "manage.page.language", subscriber.language()))
                    .append("</dl></section>\n");
        }
        // Relative links, so that they work under whatever path a proxy publishes this app.
        body.append("<p><a href=\"../api/manage/")
                .append(escape(token))
                .append("\" download=\"overdosevarsel.json\">")
                .append(text("manage.page.download", locale))
                .append("</a></p>\n<form method=\"post\" action=\"")
                .append(escape(token))
                .append("/erase\">\n<p>")
                .append(text("manage.page.erase.warning", locale))
                .append("</p>\n<button type=\"submit\">")
                .append(text("manage.page.erase", locale))
                .append("</button>\n</form>\n");
        return html(HttpStatus.OK, locale, "manage.page.title", body.toString());
    }

    @PostMapping(path = "/manage/{token}/erase", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> erase(@PathVariable String token) {
        Locale locale = LocaleContextHolder.getLocale();
        List<SubscriberId> ids = links.subscribersOf(token).orElse(null);
        if (ids == null) {
            return html(
                    HttpStatus.FORBIDDEN, locale, "manage.page.invalid.title", p(text("manage.page.invalid", locale)));
        }
        data.erase(ids);
        return html(HttpStatus.OK, locale, "manage.page.erased.title", p(text("manage.page.erased", locale)));
    }

    private String row(Locale locale, String key, String value) {
        return "<dt>" + text(key, locale) + "</dt><dd>" + escape(value) + "</dd>\n";
    }

    private static String p(String escaped) {
        return "<p>" + escaped + "</p>\n";
    }

    private ResponseEntity<String> html(HttpStatus status, Locale locale, String titleKey, String body) {
        String title = text(titleKey, locale);
        String html = "<!DOCTYPE html>\n<html lang=\"" + (locale.getLanguage().equals("en") ? "en" : "nb") + "\">\n"
                + "<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"robots\" content=\"noindex\">\n<title>" + title + " - Overdosevarsel</title>\n<style>"
                + STYLE + "</style>\n</head>\n<body>\n<main>\n<h1>" + title + "</h1>\n" + body
                + "</main>\n</body>\n</html>\n";
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("Referrer-Policy", "no-referrer")
                .body(html);
    }

    private String text(String key, Locale locale) {
        return escape(messages.getMessage(key, null, locale));
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
