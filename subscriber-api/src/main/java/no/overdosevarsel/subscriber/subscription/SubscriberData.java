package no.overdosevarsel.subscriber.subscription;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import no.overdosevarsel.contracts.Topics;
import no.overdosevarsel.contracts.alert.Severity;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import no.overdosevarsel.contracts.subscription.Channel;
import no.overdosevarsel.subscriber.subscription.SubscriberExport.ContactPointData;
import no.overdosevarsel.subscriber.subscription.SubscriberExport.RegionData;
import no.overdosevarsel.subscriber.verification.VerificationCodes;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's rights over their data (GDPR): which subscribers hold an address, everything stored about them (Art. 15),
 * and erasure (Art. 17), which deletes every row and publishes a tombstone so that alert-dispatch deletes its copy.
 */
@Service
public class SubscriberData {

    private static final Logger log = LoggerFactory.getLogger(SubscriberData.class);

    private final SubscriberRepository subscribers;
    private final VerificationCodes codes;
    private final Snapshots snapshots;
    private final RegionCatalogue regions;
    private final JdbcClient jdbc;
    private final Clock clock;

    SubscriberData(
            SubscriberRepository subscribers,
            VerificationCodes codes,
            Snapshots snapshots,
            RegionCatalogue regions,
            JdbcClient jdbc,
            Clock clock) {
        this.subscribers = subscribers;
        this.codes = codes;
        this.snapshots = snapshots;
        this.regions = regions;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The subscribers with a contact point at this address, verified or not, and the language to write to them in. */
    @Transactional(readOnly = true)
    public Holders holdersOf(Channel channel, String address) {
        List<SubscriberId> ids = subscribers.idsWithAddress(channel, address);
        Optional<Language> language = subscribers.languageOfLatest(ids);
        return new Holders(ids, language);
    }

    /** @param language of the subscriber changed last, when there is one */
    public record Holders(List<SubscriberId> ids, Optional<Language> language) {

        public Holders {
            ids = List.copyOf(ids);
        }
    }

    /** Everything stored about these subscribers; those erased since are left out. */
    @Transactional
    public List<SubscriberExport> export(List<SubscriberId> ids) {
        List<SubscriberExport> exports = new ArrayList<>();
        for (SubscriberId id : ids) {
            subscribers.findForUpdate(id).ifPresent(subscriber -> exports.add(export(subscriber)));
        }
        return exports;
    }

    private SubscriberExport export(Subscriber subscriber) {
        return new SubscriberExport(
                subscriber.id().value(),
                subscriber.name(),
                subscriber.organisation(),
                subscriber.language().code(),
                subscriber.minimumSeverity(),
                subscriber.status(),
                subscriber.revision(),
                subscriber.regions().stream()
                        .map(code -> new RegionData(code, regions.displayName(code)))
                        .toList(),
                subscriber.contacts().stream()
                        .sorted(Comparator.comparing(Contact::channel))
                        .map(contact -> new ContactPointData(
                                contact.channel(),
                                contact.address(),
                                contact.createdAt(),
                                contact.verifiedAt(),
                                contact.optedOutAt(),
                                contact.undeliverableAt(),
                                codes.history(contact.id())))
                        .toList(),
                subscriber.createdAt(),
                subscriber.updatedAt());
    }

    /**
     * Changes the preferences of these subscribers (each value that is not null) and publishes a snapshot for each one
     * that changed.
     *
     * @param regionCodes codes from the catalogue, at least one; validated before
     * @return the subscribers as they are now
     */
    @Transactional
    public List<SubscriberExport> changePreferences(
            List<SubscriberId> ids,
            @Nullable List<String> regionCodes,
            @Nullable Language language,
            @Nullable Severity minimumSeverity) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<SubscriberExport> changed = new ArrayList<>();
        for (SubscriberId id :
                ids.stream().sorted(Comparator.comparing(SubscriberId::value)).toList()) {
            Optional<Subscriber> found = subscribers.findForUpdate(id);
            if (found.isEmpty()) {
                continue;
            }
            Subscriber subscriber = found.get();
            if (subscriber.changePreferences(regionCodes, language, minimumSeverity, regions, now)) {
                subscribers.update(subscriber);
                snapshots.publish(subscriber);
                log.info("Subscriber {} changed preferences, revision {}", id, subscriber.revision());
            }
            changed.add(export(subscriber));
        }
        return changed;
    }

    /**
     * Deletes the subscribers and everything about them, and publishes a tombstone for each in the same transaction.
     * Snapshots of theirs still waiting in the outbox are deleted first: the tombstone supersedes them, and they hold
     * the addresses.
     *
     * @return how many were erased (those already gone are not counted)
     */
    @Transactional
    public int erase(List<SubscriberId> ids) {
        int erased = 0;
        for (SubscriberId id :
                ids.stream().sorted(Comparator.comparing(SubscriberId::value)).toList()) {
            if (subscribers.findForUpdate(id).isEmpty()) {
                continue;
            }
            jdbc.sql("DELETE FROM outbox WHERE topic = :topic AND message_key = :key")
                    .param("topic", Topics.SUBSCRIPTIONS)
                    .param("key", id.toString())
                    .update();
            subscribers.delete(id);
            snapshots.tombstone(id);
            erased++;
            log.info("Subscriber {} erased at their request; tombstone published", id);
        }
        return erased;
    }
}
