package no.overdosevarsel.subscriber.subscription;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import no.overdosevarsel.contracts.subscription.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Withdrawing and restoring consent: SMS STOP and START, email one-click unsubscribe, and what the provider reports
 * (opted out at the provider, undeliverable). Every change is stored and its new snapshot put in the outbox in one
 * transaction; a request that changes nothing publishes nothing. Addresses are never logged.
 */
@Service
public class OptOuts {

    private static final Logger log = LoggerFactory.getLogger(OptOuts.class);

    private final SubscriberRepository subscribers;
    private final Snapshots snapshots;
    private final Clock clock;

    OptOuts(SubscriberRepository subscribers, Snapshots snapshots, Clock clock) {
        this.subscribers = subscribers;
        this.snapshots = snapshots;
        this.clock = clock;
    }

    /** Stops alerts to this address for every subscriber who has it. */
    @Transactional
    public AddressChange optOut(Channel channel, String address) {
        Instant now = now();
        return forEachWith(channel, address, subscriber -> subscriber.optOut(channel, address, now), "opted out");
    }

    /** Resumes alerts to this address wherever it had been confirmed and then opted out of. */
    @Transactional
    public AddressChange resume(Channel channel, String address) {
        Instant now = now();
        return forEachWith(channel, address, subscriber -> subscriber.resume(channel, address, now), "resumed");
    }

    /** The provider will never deliver to this address: it leaves every snapshot until it is confirmed anew. */
    @Transactional
    public AddressChange markUndeliverable(Channel channel, String address) {
        Instant now = now();
        return forEachWith(
                channel, address, subscriber -> subscriber.markUndeliverable(channel, address, now), "undeliverable");
    }

    /**
     * RFC 8058 one-click unsubscribe from the email alerts of the subscriber the signed token was made for.
     * Repeating it, or using the token of a subscriber who has since been erased, is not an error.
     */
    @Transactional
    public EmailUnsubscribe unsubscribeEmail(String token) {
        Optional<SubscriberId> id = snapshots.subscriberOf(token);
        if (id.isEmpty()) {
            return EmailUnsubscribe.INVALID_TOKEN;
        }
        Optional<Subscriber> found = subscribers.findForUpdate(id.get());
        if (found.isEmpty()) {
            return EmailUnsubscribe.UNSUBSCRIBED;
        }
        Subscriber subscriber = found.get();
        if (subscriber.optOut(Channel.EMAIL, now())) {
            subscribers.update(subscriber);
            snapshots.publish(subscriber);
            log.info(
                    "Subscriber {}: email opted out by one-click unsubscribe, revision {}",
                    id.get(),
                    subscriber.revision());
        }
        return EmailUnsubscribe.UNSUBSCRIBED;
    }

    /** Whether the token is one of ours, unaltered; says nothing about the subscriber. */
    public boolean validUnsubscribeToken(String token) {
        return snapshots.subscriberOf(token).isPresent();
    }

    /** The result of a one-click unsubscribe. */
    public enum EmailUnsubscribe {
        /** No email alerts reach the subscriber (any more). */
        UNSUBSCRIBED,
        /** The token was not made by us, or was altered: nothing changed. */
        INVALID_TOKEN
    }

    private interface Change {
        boolean apply(Subscriber subscriber);
    }

    private AddressChange forEachWith(Channel channel, String address, Change change, String what) {
        int changed = 0;
        List<Subscriber> all = subscribers.idsWithAddress(channel, address).stream()
                .map(subscribers::findForUpdate)
                .flatMap(Optional::stream)
                .toList();
        for (Subscriber subscriber : all) {
            if (change.apply(subscriber)) {
                subscribers.update(subscriber);
                snapshots.publish(subscriber);
                changed++;
                log.info("Subscriber {}: {} {}, revision {}", subscriber.id(), channel, what, subscriber.revision());
            }
        }
        Optional<Language> language =
                all.stream().max(Comparator.comparing(Subscriber::updatedAt)).map(Subscriber::language);
        return new AddressChange(changed, language);
    }

    /** PostgreSQL keeps microseconds: a time read back equals the one written and published. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
