package no.overdosevarsel.subscriber.subscription;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import no.overdosevarsel.contracts.subscription.Channel;
import no.overdosevarsel.subscriber.verification.Redemption;
import no.overdosevarsel.subscriber.verification.VerificationCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers subscribers and verifies their contact points. Each change is stored, and its messages and new snapshot are
 * put in the outbox, in one transaction: what is stored is what is published.
 */
@Service
public class SubscriptionService {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionService.class);

    private final SubscriberRepository subscribers;
    private final VerificationCodes codes;
    private final Snapshots snapshots;
    private final RegionCatalogue regions;
    private final Clock clock;

    SubscriptionService(
            SubscriberRepository subscribers,
            VerificationCodes codes,
            Snapshots snapshots,
            RegionCatalogue regions,
            Clock clock) {
        this.subscribers = subscribers;
        this.codes = codes;
        this.snapshots = snapshots;
        this.regions = regions;
        this.clock = clock;
    }

    /**
     * Stores a new subscriber whose contact points wait for verification, sends a code to each, and publishes the
     * first snapshot, which reaches no one until a contact point is verified.
     *
     * @throws IllegalArgumentException for input that validation should have refused
     */
    @Transactional
    public Subscribed subscribe(NewSubscriber request) {
        Subscriber subscriber = Subscriber.register(request, regions, now());
        subscribers.insert(subscriber);
        for (Contact contact : subscriber.contacts()) {
            codes.issue(
                    contact.id(),
                    contact.channel(),
                    contact.address(),
                    subscriber.language().locale());
        }
        publish(subscriber);
        log.info("Subscriber {} registered, codes sent by {}", subscriber.id(), subscriber.pendingVerification());
        return new Subscribed(subscriber.id(), subscriber.pendingVerification());
    }

    /**
     * Verifies the subscriber's contact point on the channel with the code sent to it. A refused code changes nothing
     * but the count of attempts, which is kept: the transaction commits either way.
     */
    @Transactional
    public VerificationOutcome verify(SubscriberId id, Channel channel, String code) {
        Optional<Subscriber> found = subscribers.findForUpdate(id);
        if (found.isEmpty()) {
            return new VerificationOutcome.UnknownSubscriber(id);
        }
        Subscriber subscriber = found.get();
        Optional<Contact> contact = subscriber.contact(channel);
        if (contact.isEmpty()) {
            return new VerificationOutcome.NoContactPoint(channel);
        }
        return switch (codes.redeem(contact.get().id(), code)) {
            case Redemption.Refused refused -> {
                log.info("Subscriber {}: {} code refused ({})", id, channel, refused.reason());
                yield new VerificationOutcome.Refused(refused.reason(), refused.attemptsLeft());
            }
            case Redemption.Accepted accepted -> {
                if (subscriber.markVerified(channel, now())) {
                    subscribers.update(subscriber);
                    publish(subscriber);
                    log.info("Subscriber {}: {} verified, revision {}", id, channel, subscriber.revision());
                }
                yield new VerificationOutcome.Verified(id, subscriber.contactPointStates());
            }
        };
    }

    private void publish(Subscriber subscriber) {
        snapshots.publish(subscriber);
    }

    /** PostgreSQL keeps microseconds: a time read back equals the one written and published. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
