package no.overdosevarsel.subscriber.subscription;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import no.overdosevarsel.contracts.region.Region;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import no.overdosevarsel.platform.security.Coordinator;
import no.overdosevarsel.subscriber.subscription.AdminViews.RegionChannelCount;
import no.overdosevarsel.subscriber.subscription.AdminViews.SubscriberSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What coordinators with the ADMIN role may do with subscribers, always within their region scope: a subscriber is in
 * scope if any of its regions lies within the scope ({@link Coordinator#covers(String, RegionCatalogue)}); one out of
 * scope is treated as if it did not exist. Changes are stored and published through the outbox like every other.
 */
@Service
public class SubscriberAdministration {

    private static final Logger log = LoggerFactory.getLogger(SubscriberAdministration.class);

    private final SubscriberRepository subscribers;
    private final SubscriberDirectory directory;
    private final ContactConfirmations confirmations;
    private final Snapshots snapshots;
    private final RegionCatalogue catalogue;
    private final JdbcClient jdbc;
    private final Clock clock;

    SubscriberAdministration(
            SubscriberRepository subscribers,
            SubscriberDirectory directory,
            ContactConfirmations confirmations,
            Snapshots snapshots,
            RegionCatalogue catalogue,
            JdbcClient jdbc,
            Clock clock) {
        this.subscribers = subscribers;
        this.directory = directory;
        this.confirmations = confirmations;
        this.snapshots = snapshots;
        this.catalogue = catalogue;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public AdminViews.Page search(Coordinator coordinator, AdminViews.Search search) {
        Set<String> scope = scopeOf(coordinator);
        if (scope.isEmpty()) {
            return new AdminViews.Page(List.of(), search.page(), search.size(), 0);
        }
        Set<String> within = search.region() == null ? null : within(search.region());
        return directory.search(
                scope, within, search.channel(), search.status(), search.text(), search.page(), search.size());
    }

    @Transactional(readOnly = true)
    public Optional<SubscriberSummary> find(Coordinator coordinator, SubscriberId id) {
        Set<String> scope = scopeOf(coordinator);
        return scope.isEmpty() ? Optional.empty() : directory.find(id, scope);
    }

    @Transactional(readOnly = true)
    public List<RegionChannelCount> counts(Coordinator coordinator) {
        Set<String> scope = scopeOf(coordinator);
        return scope.isEmpty() ? List.of() : directory.counts(scope);
    }

    /** Whether the coordinator's scope covers the region: where they may register an organisation. */
    public boolean mayRegisterFor(Coordinator coordinator, String regionCode) {
        return coordinator.covers(regionCode, catalogue);
    }

    /**
     * Registers an organisation's subscription on its behalf: stored like any other, its contact points unverified and
     * marked as added by the coordinator, and a confirmation link sent to each. Nothing reaches an address until the
     * person there confirms it.
     *
     * @throws IllegalArgumentException for input that validation should have refused, or a region out of scope
     */
    @Transactional
    public Subscribed registerOnBehalf(Coordinator coordinator, NewSubscriber request) {
        if (!coordinator.covers(request.regions(), catalogue)) {
            throw new IllegalArgumentException("regions outside the coordinator's scope");
        }
        Subscriber subscriber = Subscriber.register(request, catalogue, now());
        subscribers.insert(subscriber);
        jdbc.sql("UPDATE contact_point SET added_by = :by WHERE subscriber_id = :id")
                .param("by", coordinator.username())
                .param("id", subscriber.id().value())
                .update();
        for (Contact contact : subscriber.contacts()) {
            confirmations.send(subscriber, contact);
        }
        snapshots.publish(subscriber);
        log.info(
                "Subscriber {} registered on behalf of an organisation by {}, confirmation links sent by {}",
                subscriber.id(),
                coordinator.username(),
                subscriber.pendingVerification());
        return new Subscribed(subscriber.id(), subscriber.pendingVerification());
    }

    /**
     * Stops every alert to the subscriber and publishes the snapshot saying so; repeating it changes nothing.
     *
     * @return the subscriber as it is now; empty if there is none in the coordinator's scope
     */
    @Transactional
    public Optional<SubscriberSummary> deactivate(Coordinator coordinator, SubscriberId id) {
        Set<String> scope = scopeOf(coordinator);
        if (scope.isEmpty() || !directory.inScope(id, scope)) {
            return Optional.empty();
        }
        Optional<Subscriber> found = subscribers.findForUpdate(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Subscriber subscriber = found.get();
        Instant now = now();
        if (subscriber.deactivate(now)) {
            subscribers.update(subscriber);
            jdbc.sql("UPDATE subscriber SET deactivated_at = :at, deactivated_by = :by WHERE id = :id")
                    .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                    .param("by", coordinator.username())
                    .param("id", id.value())
                    .update();
            snapshots.publish(subscriber);
            log.info("Subscriber {} deactivated by {}, revision {}", id, coordinator.username(), subscriber.revision());
        }
        return directory.find(id, scope);
    }

    /** Every region code the coordinator's scope covers. */
    private Set<String> scopeOf(Coordinator coordinator) {
        return catalogue.all().stream()
                .map(Region::code)
                .filter(code -> coordinator.covers(code, catalogue))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Every region code within this one: itself, and for a county its municipalities, for {@code NO} all. */
    private Set<String> within(String regionCode) {
        return scopeOf(new Coordinator("", Set.of(), List.of(regionCode)));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
