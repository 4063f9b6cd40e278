package no.overdosevarsel.subscriber.subscription.web;

import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import no.overdosevarsel.contracts.subscription.Channel;
import no.overdosevarsel.contracts.subscription.SubscriberStatus;
import no.overdosevarsel.platform.security.Coordinator;
import no.overdosevarsel.platform.web.ProblemException;
import no.overdosevarsel.subscriber.ratelimit.Bucket;
import no.overdosevarsel.subscriber.ratelimit.RateLimiter;
import no.overdosevarsel.subscriber.subscription.AdminViews;
import no.overdosevarsel.subscriber.subscription.AdminViews.RegionChannelCount;
import no.overdosevarsel.subscriber.subscription.AdminViews.SubscriberSummary;
import no.overdosevarsel.subscriber.subscription.ContactAddresses;
import no.overdosevarsel.subscriber.subscription.NewSubscriber;
import no.overdosevarsel.subscriber.subscription.SubscriberAdministration;
import no.overdosevarsel.subscriber.subscription.SubscriberId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The admin API, for coordinators with the ADMIN role (enforced by the security filter chain) and within their region
 * scope: a subscriber out of scope answers 404, as one that does not exist.
 */
@RestController
@RequestMapping("/api/admin/subscribers")
class AdminSubscriberController {

    static final int MAX_PAGE_SIZE = 100;

    private final SubscriberAdministration administration;
    private final SubscribeRequestValidator subscribeRequestValidator;
    private final RegionCatalogue regions;
    private final RateLimiter limiter;

    AdminSubscriberController(
            SubscriberAdministration administration,
            SubscribeRequestValidator subscribeRequestValidator,
            RegionCatalogue regions,
            RateLimiter limiter) {
        this.administration = administration;
        this.subscribeRequestValidator = subscribeRequestValidator;
        this.regions = regions;
        this.limiter = limiter;
    }

    @InitBinder("subscribeRequest")
    void validateSubscribeRequests(WebDataBinder binder) {
        binder.addValidators(subscribeRequestValidator);
    }

    @GetMapping
    AdminViews.Page search(
            Coordinator coordinator,
            @RequestParam(required = false) @Nullable String region,
            @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String page,
            @RequestParam(required = false) @Nullable String size) {
        Map<String, String> errors = new LinkedHashMap<>();
        String regionCode = null;
        if (SubscribeRequest.given(region)) {
            regionCode = regions.find(region).map(r -> r.code()).orElse(null);
            if (regionCode == null) {
                errors.put("region", "validation.region.unknown.plain");
            }
        }
        Channel parsedChannel = null;
        if (SubscribeRequest.given(channel)) {
            parsedChannel = SubscribeRequest.channel(channel).orElse(null);
            if (parsedChannel == null) {
                errors.put("channel", "validation.channel.unknown");
            }
        }
        SubscriberStatus parsedStatus = null;
        if (SubscribeRequest.given(status)) {
            parsedStatus = Arrays.stream(SubscriberStatus.values())
                    .filter(s -> s.name().equalsIgnoreCase(status.strip()))
                    .findFirst()
                    .orElse(null);
            if (parsedStatus == null) {
                errors.put("status", "validation.status.unknown");
            }
        }
        if (q != null && q.length() > 200) {
            errors.put("q", "validation.search.too-long");
        }
        int pageNumber = number(page, 0, 0, 100_000, "page", "validation.page.invalid", errors);
        int pageSize = number(size, 20, 1, MAX_PAGE_SIZE, "size", "validation.size.invalid", errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", errors, "problem.validation");
        }
        return administration.search(
                coordinator, new AdminViews.Search(regionCode, parsedChannel, parsedStatus, q, pageNumber, pageSize));
    }

    @GetMapping("/{id}")
    SubscriberSummary one(Coordinator coordinator, @PathVariable UUID id) {
        return administration.find(coordinator, new SubscriberId(id)).orElseThrow(AdminSubscriberController::notFound);
    }

    @GetMapping("/counts")
    List<RegionChannelCount> counts(Coordinator coordinator) {
        return administration.counts(coordinator);
    }

    /**
     * 202: an organisation's subscription registered on its behalf. Each address gets a confirmation link and nothing
     * else until the person there confirms; each address may be named only a few times an hour, as in public
     * subscribing. Every region must lie within the coordinator's scope.
     */
    @PostMapping
    ResponseEntity<SubscribedResponse> register(
            Coordinator coordinator, @Valid @RequestBody SubscribeRequest subscribeRequest) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (int i = 0; i < subscribeRequest.regions().size(); i++) {
            if (!administration.mayRegisterFor(
                    coordinator, subscribeRequest.regions().get(i))) {
                errors.put("regions[" + i + "]", "validation.region.out-of-scope");
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", errors, "problem.validation");
        }
        NewSubscriber command = subscribeRequest.toNewSubscriber();
        command.contacts()
                .forEach((channel, address) -> limiter.acquire(
                        Bucket.SUBSCRIBE_PER_ADDRESS,
                        channel + ":"
                                + ContactAddresses.normalise(channel, address).orElse(address)));
        SubscribedResponse registered = SubscribedResponse.of(administration.registerOnBehalf(coordinator, command));
        return ResponseEntity.accepted()
                .location(ServletUriComponentsBuilder.fromCurrentRequestUri()
                        .path("/{id}")
                        .buildAndExpand(registered.id())
                        .toUri())
                .body(registered);
    }

    /** Stops every alert to the subscriber; the snapshot on {@code subscriptions} says so. Repeating it is harmless. */
    @PostMapping("/{id}/deactivate")
    SubscriberSummary deactivate(Coordinator coordinator, @PathVariable UUID id) {
        return administration
                .deactivate(coordinator, new SubscriberId(id))
                .orElseThrow(AdminSubscriberController::notFound);
    }

    private static ProblemException notFound() {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "problem.subscriber.not-found");
    }

    private static int number(
            @Nullable String text,
            int fallback,
            int min,
            int max,
            String field,
            String messageKey,
            Map<String, String> errors) {
        if (!SubscribeRequest.given(text)) {
            return fallback;
        }
        Optional<Integer> value;
        try {
            value = Optional.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            value = Optional.empty();
        }
        if (value.isEmpty() || value.get() < min || value.get() > max) {
            errors.put(field, messageKey);
            return fallback;
        }
        return value.get();
    }
}
