package no.overdosevarsel.subscriber.subscription.web;

import no.overdosevarsel.subscriber.subscription.ContactConfirmations;
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
 * {@code /confirm/{token}}, the link sent to an address an administrator added on someone's behalf. GET shows a page
 * with a button and changes nothing (mail scanners open links); POST, the button, confirms. No login: the signed
 * token, sent only to that address, is the proof. Pages are in bokmål and English at once.
 */
@RestController
class ConfirmationController {

    private final ContactConfirmations confirmations;
    private final ActionPage page;

    ConfirmationController(ContactConfirmations confirmations, MessageSource messages) {
        this.confirmations = confirmations;
        this.page = new ActionPage(messages);
    }

    @GetMapping(path = ContactConfirmations.PATH, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> confirmationPage(@PathVariable String token) {
        if (!confirmations.valid(token)) {
            return page.render(HttpStatus.FORBIDDEN, "confirmation.invalid");
        }
        return page.render(HttpStatus.OK, "confirmation.confirm", "confirmation.button", "");
    }

    @PostMapping(path = ContactConfirmations.PATH, produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> confirm(@PathVariable String token) {
        if (!confirmations.confirm(token)) {
            return page.render(HttpStatus.FORBIDDEN, "confirmation.invalid");
        }
        return page.render(HttpStatus.OK, "confirmation.done");
    }
}
