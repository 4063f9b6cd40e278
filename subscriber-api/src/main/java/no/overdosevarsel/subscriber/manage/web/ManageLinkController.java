package no.overdosevarsel.subscriber.manage.web;

import jakarta.validation.Valid;
import java.util.Map;
import java.util.Optional;
import no.overdosevarsel.contracts.subscription.Channel;
import no.overdosevarsel.platform.web.ProblemException;
import no.overdosevarsel.subscriber.manage.ManageLinks;
import no.overdosevarsel.subscriber.ratelimit.Bucket;
import no.overdosevarsel.subscriber.ratelimit.RateLimiter;
import no.overdosevarsel.subscriber.subscription.ContactAddresses;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Asking for a manage link. The answer is the same 202 whether or not the address is subscribed, and the limit per
 * address counts every request, so neither tells anyone whether a number or address is known.
 */
@RestController
class ManageLinkController {

    private final ManageLinks links;
    private final RateLimiter limiter;
    private final MessageSource messages;

    ManageLinkController(ManageLinks links, RateLimiter limiter, MessageSource messages) {
        this.links = links;
        this.limiter = limiter;
        this.messages = messages;
    }

    @PostMapping("/api/subscribers/manage-link")
    ResponseEntity<Map<String, String>> request(@Valid @RequestBody ManageLinkRequest request) {
        boolean phone = given(request.phone());
        boolean email = given(request.email());
        if (phone == email) {
            throw invalid(Map.of("phone", "validation.contact.one", "email", "validation.contact.one"));
        }
        Channel channel = phone ? Channel.SMS : Channel.EMAIL;
        Optional<String> address =
                phone ? ContactAddresses.phone(request.phone()) : ContactAddresses.email(request.email());
        if (address.isEmpty()) {
            throw invalid(
                    phone ? Map.of("phone", "validation.phone.invalid") : Map.of("email", "validation.email.invalid"));
        }
        limiter.acquire(Bucket.MANAGE_LINK_PER_ADDRESS, channel + ":" + address.get());
        links.send(channel, address.get());
        return ResponseEntity.accepted()
                .body(Map.of(
                        "message",
                        messages.getMessage("manage.link.requested", null, LocaleContextHolder.getLocale())));
    }

    private static boolean given(String text) {
        return text != null && !text.isBlank();
    }

    private static ProblemException invalid(Map<String, String> fieldErrors) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "validation", fieldErrors, "problem.validation");
    }
}
