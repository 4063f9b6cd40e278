package no.overdosevarsel.ingest.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The page where a coordinator signs in with a local account, reached from the authorization endpoint. Plain,
 * accessible HTML (labels tied to fields, the error announced to screen readers), in the browser's language: bokmål
 * unless it asks for English.
 */
@RestController
class SignInPage {

    private final MessageSource messages;

    SignInPage(MessageSource messages) {
        this.messages = messages;
    }

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    String page(HttpServletRequest request, Locale locale) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String notice = "";
        if (request.getParameter("error") != null) {
            notice = "<p class=\"error\" role=\"alert\">" + text("signin.error", locale) + "</p>";
        } else if (request.getParameter("locked") != null) {
            notice = "<p class=\"error\" role=\"alert\">" + text("signin.locked", locale) + "</p>";
        } else if (request.getParameter("logout") != null) {
            notice = "<p role=\"status\">" + text("signin.logged-out", locale) + "</p>";
        }
        String csrfField = csrf == null
                ? ""
                : "<input type=\"hidden\" name=\"" + HtmlUtils.htmlEscape(csrf.getParameterName()) + "\" value=\""
                        + HtmlUtils.htmlEscape(csrf.getToken()) + "\">";
        return """
                <!DOCTYPE html>
                <html lang="%s">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>
                body{font-family:system-ui,sans-serif;max-width:26rem;margin:3rem auto;padding:0 1rem;line-height:1.5}
                label{display:block;margin-top:1rem;font-weight:600}
                input[type=text],input[type=password]{width:100%%;padding:.5rem;font-size:1rem;box-sizing:border-box}
                button{margin-top:1.5rem;padding:.6rem 1.2rem;font-size:1rem}
                .error{color:#a00000;font-weight:600}
                </style>
                </head>
                <body>
                <main>
                <h1>%s</h1>
                <p>%s</p>
                %s
                <form method="post" action="login">
                <label for="username">%s</label>
                <input type="text" id="username" name="username" autocomplete="username" required autofocus>
                <label for="password">%s</label>
                <input type="password" id="password" name="password" autocomplete="current-password" required>
                %s
                <button type="submit">%s</button>
                </form>
                </main>
                </body>
                </html>
                """.formatted(
                        "en".equals(locale.getLanguage()) ? "en" : "nb",
                        text("signin.title", locale),
                        text("signin.title", locale),
                        text("signin.intro", locale),
                        notice,
                        text("signin.username", locale),
                        text("signin.password", locale),
                        csrfField,
                        text("signin.submit", locale));
    }

    private String text(String key, Locale locale) {
        return HtmlUtils.htmlEscape(messages.getMessage(key, null, locale));
    }
}
