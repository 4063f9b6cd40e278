package no.overdosevarsel.subscriber.subscription.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import no.overdosevarsel.subscriber.subscription.ContactConfirmations;
import org.springframework.context.MessageSource;
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
 * {@code /confirm/{token}}, the link sent to an address an administrator added on someone's behalf. GET shows a page
 * with a button and changes nothing (mail scanners open links); POST, the button, confirms. No login: the signed
 * token, sent only to that address, is the proof. Pages are in bokmål and English at once.
 */
@RestController
class ConfirmationController {

    private static final Locale NB = Locale.forLanguageTag("nb");
    private static final Locale EN = Locale.ENGLISH;

    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:38rem;margin:2rem auto;"
            + "padding:0 1rem;line-height:1.5;color:#111;background:#fff}"
            + "button{font:inherit;font-size:1.1rem;padding:.7rem 1.4rem;border:2px solid #111;border-radius:.3rem;"
            + "background:#0b4f8a;color:#fff;cursor:pointer}button:focus{outline:3px solid #f5a623;outline-offset:2px}"
            + "section+section{margin-top:2rem;border-top:1px solid #ccc;padding-top:1rem}";

    private final ContactConfirmations confirmations;
    private final MessageSource messages;

    ConfirmationController(ContactConfirmations confirmations, MessageSource messages) {
        this.confirmations = confirmations;
        this.messages = messages;
    }

    @GetMapping(path = ContactConfirmations.PATH, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> confirmationPage(@PathVariable String token) {
        if (!confirmations.valid(token)) {
            return page(HttpStatus.FORBIDDEN, "confirmation.invalid", false);
        }
        return page(HttpStatus.OK, "confirmation.confirm", true);
    }

    @PostMapping(path = ContactConfirmations.PATH, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> confirm(@PathVariable String token) {
        if (!confirmations.confirm(token)) {
            return page(HttpStatus.FORBIDDEN, "confirmation.invalid", false);
        }
        return page(HttpStatus.OK, "confirmation.done", false);
    }

    private ResponseEntity<String> page(HttpStatus status, String key, boolean withButton) {
        StringBuilder html = new StringBuilder(2048)
                .append("<!DOCTYPE html>\n<html lang=\"nb\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"robots\" content=\"noindex\">\n<title>")
                .append(text(key + ".title", NB))
                .append(" / ")
                .append(text(key + ".title", EN))
                .append(" - Overdosevarsel</title>\n<style>")
                .append(STYLE)
                .append("</style>\n</head>\n<body>\n<main>\n");
        for (Locale locale : new Locale[] {NB, EN}) {
            String heading = locale == NB ? "h1" : "h2";
            html.append("<section lang=\"")
                    .append(locale.getLanguage())
                    .append("\">\n<")
                    .append(heading)
                    .append('>')
                    .append(text(key + ".title", locale))
                    .append("</")
                    .append(heading)
                    .append(">\n<p>")
                    .append(text(key + ".text", locale))
                    .append("</p>\n</section>\n");
        }
        if (withButton) {
            html.append("<form method=\"post\">\n<button type=\"submit\">")
                    .append(text("confirmation.button", NB))
                    .append(" / <span lang=\"en\">")
                    .append(text("confirmation.button", EN))
                    .append("</span></button>\n</form>\n");
        }
        html.append("</main>\n</body>\n</html>\n");
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("Referrer-Policy", "no-referrer")
                .body(html.toString());
    }

    private String text(String key, Locale locale) {
        return HtmlUtils.htmlEscape(messages.getMessage(key, null, locale), "UTF-8");
    }
}
