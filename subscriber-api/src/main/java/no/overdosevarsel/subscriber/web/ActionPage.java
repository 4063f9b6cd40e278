package no.overdosevarsel.subscriber.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/**
 * A small public page in bokmål and English at once, for a link in a message: a title and a text per language and at
 * most one button, which posts to the page's own URL (so it works behind any proxy). It loads nothing, runs nothing,
 * is never cached and sends no referrer. Texts come from the bundles as {@code <key>.title} and {@code <key>.text}.
 */
public final class ActionPage {

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

    private final MessageSource messages;

    public ActionPage(MessageSource messages) {
        this.messages = messages;
    }

    /** A page without a button. */
    public ResponseEntity<String> render(HttpStatus status, String key) {
        return render(status, key, null, "");
    }

    /**
     * @param buttonKey the bundle key of the button's label, or {@code null} for none
     * @param hiddenFields HTML of hidden inputs to post with the button (already escaped)
     */
    public ResponseEntity<String> render(
            HttpStatus status, String key, @Nullable String buttonKey, String hiddenFields) {
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
        if (buttonKey != null) {
            // No action: the form posts to this page's own URL, whatever it is behind a proxy.
            html.append("<form method=\"post\">\n")
                    .append(hiddenFields)
                    .append("<button type=\"submit\">")
                    .append(text(buttonKey, NB))
                    .append(" / <span lang=\"en\">")
                    .append(text(buttonKey, EN))
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

    /** Bundle texts are ours, but escaped all the same: nothing reaches HTML unescaped. */
    private String text(String key, Locale locale) {
        return HtmlUtils.htmlEscape(messages.getMessage(key, null, locale), "UTF-8");
    }
}
