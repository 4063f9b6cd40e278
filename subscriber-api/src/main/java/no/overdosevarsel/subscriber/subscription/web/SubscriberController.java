package no.overdosevarsel.subscriber.subscription.web;

import jakarta.validation.Valid;
import java.util.Map;
import java.util.UUID;
import no.overdosevarsel.platform.web.ProblemException;
import no.overdosevarsel.subscriber.ratelimit.Bucket;
import no.overdosevarsel.subscriber.ratelimit.RateLimiter;
import no.overdosevarsel.subscriber.subscription.ContactAddresses;
import no.overdosevarsel.subscriber.subscription.NewSubscriber;
import no.overdosevarsel.subscriber.subscription.SubscriberId;
import no.overdosevarsel.subscriber.subscription.SubscriptionService;
import no.overdosevarsel.subscriber.subscription.VerificationOutcome;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Subscribing and verifying, for anyone: no login, the verification code is the proof. */
@RestController
@RequestMapping("/api/subscribers")
class SubscriberController {

    private final SubscriptionService subscriptions;
    private final SubscribeRequestValidator subscribeRequestValidator;
    private final RateLimiter limiter;

    SubscriberController(
            SubscriptionService subscriptions,
            SubscribeRequestValidator subscribeRequestValidator,
            RateLimiter limiter) {
        this.subscriptions = subscriptions;
        this.subscribeRequestValidator = subscribeRequestValidator;
        this.limiter = limiter;
    }

    @InitBinder("subscribeRequest")
    void validateSubscribeRequests(WebDataBinder binder) {
        binder.addValidators(subscribeRequestValidator);
    }

    /**
     * 202: the subscriber is stored, but nothing reaches them until a contact point is verified. Each subscription sends
     * a code to every address in it, so each address may be named only a few times an hour, whoever asks (429 after
     * that). The answer is the same whether or not an address is subscribed already.
     */
    @PostMapping
    ResponseEntity<SubscribedResponse> subscribe(@Valid @RequestBody SubscribeRequest request) {
        NewSubscriber command = request.toNewSubscriber();
        command.contacts()
                .forEach((channel, address) -> limiter.acquire(
                        Bucket.SUBSCRIBE_PER_ADDRESS,
                        channel + ":"
                                + ContactAddresses.normalise(channel, address).orElse(address)));
        SubscribedResponse subscribed = SubscribedResponse.of(subscriptions.subscribe(command));
        return ResponseEntity.accepted()
                .location(ServletUriComponentsBuilder.fromCurrentRequestUri()
                        .path("/{id}")
                        .buildAndExpand(subscribed.id())
                        .toUri())
                .body(subscribed);
    }

    @PostMapping("/{id}/verify")
    VerificationResponse verify(@PathVariable UUID id, @Valid @RequestBody VerifyRequest request) {
        return switch (subscriptions.verify(new SubscriberId(id), request.parsedChannel(), request.digits())) {
            case VerificationOutcome.Verified verified -> VerificationResponse.of(verified);
            case VerificationOutcome.Refused refused -> throw refusal(refused);
            case VerificationOutcome.UnknownSubscriber unknown ->
                throw new ProblemException(HttpStatus.NOT_FOUND, "not-found", "problem.subscriber.not-found");
            case VerificationOutcome.NoContactPoint none ->
                throw new ProblemException(
                        HttpStatus.BAD_REQUEST,
                        "validation",
                        Map.of("channel", "validation.channel.not-subscribed"),
                        "problem.validation");
        };
    }

    /** One stable problem type per reason, so that a client can tell "try again" from "ask for a new code". */
    private static ProblemException refusal(VerificationOutcome.Refused refused) {
        return switch (refused.reason()) {
            case WRONG_CODE ->
                new ProblemException(
                        HttpStatus.BAD_REQUEST,
                        "verification-code-wrong",
                        "problem.verification-code-wrong",
                        refused.attemptsLeft());
            case EXPIRED ->
                new ProblemException(HttpStatus.GONE, "verification-code-expired", "problem.verification-code-expired");
            case USED ->
                new ProblemException(HttpStatus.GONE, "verification-code-used", "problem.verification-code-used");
            case TOO_MANY_ATTEMPTS ->
                new ProblemException(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "verification-attempts-exceeded",
                        "problem.verification-attempts-exceeded");
        };
    }
}
