package no.overdosevarsel.subscriber.unsubscribe.web;

import java.util.Locale;
import no.overdosevarsel.platform.web.ProblemException;
import no.overdosevarsel.subscriber.subscription.OptOuts;
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
 * {@code /unsubscribe/{token}}, the link alert-dispatch puts in every email and in its {@code List-Unsubscribe} header.
 * GET shows a page with a button and changes nothing; POST (the button, or a mail client's one-click
 * {@code List-Unsubscribe=One-Click}) unsubscribes the email address. No login and no CSRF token: the signed token is
 * the authorisation, and it cannot be made for another subscriber without the server's secret. Pages are in bokmål and
 * English at once, so that nobody has to find a language switch to stop mail.
 */
@RestController
class UnsubscribeController {

    static final String PATH = "/unsubscribe/{token}";

    private static final Locale NB = Locale.forLanguageTag("nb");
    private static final Locale EN = Locale.ENGLISH;

    /** The page loads nothing, runs nothing and posts only to itself. */
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private static final String STYLE = "body{font-family:system-ui,sans-serif;max-width:38rem;margin:2rem auto;"
            + "padding:0 1rem;line-height:1.5;color:#111;background:#fff}"
            + "button{font:inherit;font-size:1.1rem;padding:.7rem 1.4rem;border:2px solid #111;border-radius:.3rem;"
            + "background:#0b4f8a;color:#fff;cursor:pointer}button:focus{outline:3px solid #f5a623;outline-offset:2px}"
            + "section+section{margin-top:2rem;border-top:1px solid #ccc;padding-top:1rem}";

    private final OptOuts optOuts;
    private final MessageSource messages;

    UnsubscribeController(OptOuts optOuts, MessageSource messages) {
        this.optOuts = optOuts;
        this.messages = messages;
    }

    @GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> confirmationPage(@PathVariable String token) {
        if (!optOuts.validUnsubscribeToken(token)) {
            return page(HttpStatus.FORBIDDEN, "unsubscribe.invalid", false);
        }
        return page(HttpStatus.OK, "unsubscribe.confirm", true);
    }

    /** Works with any body, including RFC 8058's {@code List-Unsubscribe=One-Click}, and when repeated. */
    @PostMapping(path = PATH)
    ResponseEntity<String> unsubscribe(@PathVariable String token) {
        return switch (optOuts.unsubscribeEmail(token)) {
            case UNSUBSCRIBED -> page(HttpStatus.OK, "unsubscribe.done", false);
            case INVALID_TOKEN ->
                throw new ProblemException(
                        HttpStatus.FORBIDDEN, "unsubscribe-token-invalid", "problem.unsubscribe-token-invalid");
        };
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
            html.append("<section lang=\"")
                    .append(locale.getLanguage())
                    .append("\">\n<h")
                    .append(locale == NB ? "1" : "2")
                    .append('>')
                    .append(text(key + ".title", locale))
                    .append("</h")
                    .append(locale == NB ? "1" : "2")
                    .append(">\n<p>")
                    .append(text(key + ".text", locale))
                    .append("</p>\n</section>\n");
        }
        if (withButton) {
            // No action: the form posts to this page's own URL, whatever it is behind a proxy.
            html.append("<form method=\"post\">\n")
                    .append("<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">\n")
                    .append("<button type=\"submit\">")
                    .append(text("unsubscribe.button", NB))
                    .append(" / <span lang=\"en\">")
                    .append(text("unsubscribe.button", EN))
                    .append("</span></button>\n</form>\n");
        }
        html.append("</main>\n</body>\n</html>\n");
        return ResponseEntity.status(status)
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("Referrer-Policy", "no-referrer")
                .body(html.toString());
    }

    /** Bundle texts are ours, but escaped all the same: nothing reaches HTML unescaped. */
    private String text(String key, Locale locale) {
        return HtmlUtils.htmlEscape(messages.getMessage(key, null, locale), "UTF-8");
    }
}
