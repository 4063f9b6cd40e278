package no.overdosevarsel.subscriber.unsubscribe.web;

import no.overdosevarsel.platform.web.ProblemException;
import no.overdosevarsel.subscriber.subscription.OptOuts;
import no.overdosevarsel.subscriber.web.ActionPage;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

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

    private final OptOuts optOuts;
    private final ActionPage page;

    UnsubscribeController(OptOuts optOuts, MessageSource messages) {
        this.optOuts = optOuts;
        this.page = new ActionPage(messages);
    }

    @GetMapping(path = PATH, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> confirmationPage(@PathVariable String token) {
        if (!optOuts.validUnsubscribeToken(token)) {
            return page.render(HttpStatus.FORBIDDEN, "unsubscribe.invalid");
        }
        return page.render(
                HttpStatus.OK,
                "unsubscribe.confirm",
                "unsubscribe.button",
                "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">\n");
    }

    /** Works with any body, including RFC 8058's {@code List-Unsubscribe=One-Click}, and when repeated. */
    @PostMapping(path = PATH)
    ResponseEntity<String> unsubscribe(@PathVariable String token) {
        return switch (optOuts.unsubscribeEmail(token)) {
            case UNSUBSCRIBED -> page.render(HttpStatus.OK, "unsubscribe.done");
            case INVALID_TOKEN ->
                throw new ProblemException(
                        HttpStatus.FORBIDDEN, "unsubscribe-token-invalid", "problem.unsubscribe-token-invalid");
        };
    }
}
