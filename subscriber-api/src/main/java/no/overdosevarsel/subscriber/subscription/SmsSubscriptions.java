package no.overdosevarsel.subscriber.subscription;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import no.overdosevarsel.contracts.region.Region;
import no.overdosevarsel.contracts.subscription.Channel;
import no.overdosevarsel.subscriber.verification.Redemption;
import no.overdosevarsel.subscriber.verification.Refusal;
import no.overdosevarsel.subscriber.verification.VerificationCodes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscribing by SMS keyword: the sender's number becomes a pending contact point of a new subscriber, and is confirmed
 * when the person replies with the code sent to it. A sender number can be forged on the way into the SMS network, so
 * sending from a number is not taken as proof of holding it (docs/adr/0020-subscriber-sms-keywords.md).
 */
@Service
public class SmsSubscriptions {

    private static final Logger log = LoggerFactory.getLogger(SmsSubscriptions.class);

    private final SubscriberRepository subscribers;
    private final VerificationCodes codes;
    private final Snapshots snapshots;
    private final Clock clock;

    SmsSubscriptions(SubscriberRepository subscribers, VerificationCodes codes, Snapshots snapshots, Clock clock) {
        this.subscribers = subscribers;
        this.codes = codes;
        this.snapshots = snapshots;
        this.clock = clock;
    }

    /**
     * Registers a subscriber for the region whose only contact point is the number, unverified, and sends the number a
     * code to reply with.
     *
     * @param number in E.164
     * @param placeName the region's name as the reply should give it
     */
    @Transactional
    public SubscriberId subscribe(String number, Region region, String placeName, Language language) {
        Subscriber subscriber = Subscriber.byKeyword(number, region, language, now());
        subscribers.insert(subscriber);
        Contact contact = subscriber.contact(Channel.SMS).orElseThrow();
        codes.issueForReply(contact.id(), number, language.locale(), placeName);
        snapshots.publish(subscriber);
        log.info("Subscriber {} registered by SMS keyword for {}, code sent", subscriber.id(), region.code());
        return subscriber.id();
    }

    /** Confirms the number's latest pending subscription with a code the person sent back from it. */
    @Transactional
    public ReplyConfirmation confirm(String number, String code) {
        Optional<Subscriber> pending =
                subscribers.latestPendingWithAddress(Channel.SMS, number).flatMap(subscribers::findForUpdate);
        if (pending.isEmpty()) {
            return new ReplyConfirmation.NothingPending();
        }
        Subscriber subscriber = pending.get();
        Contact contact = subscriber.contact(Channel.SMS).orElseThrow();
        return switch (codes.redeem(contact.id(), code)) {
            case Redemption.Refused refused -> {
                log.info("Subscriber {}: SMS code sent back refused ({})", subscriber.id(), refused.reason());
                yield new ReplyConfirmation.Refused(refused.reason(), refused.attemptsLeft(), subscriber.language());
            }
            case Redemption.Accepted accepted -> {
                if (subscriber.markVerified(Channel.SMS, now())) {
                    subscribers.update(subscriber);
                    snapshots.publish(subscriber);
                    log.info(
                            "Subscriber {}: SMS verified by reply, revision {}",
                            subscriber.id(),
                            subscriber.revision());
                }
                yield new ReplyConfirmation.Confirmed(subscriber.id(), subscriber.regions(), subscriber.language());
            }
        };
    }

    /** What came of a code sent back by SMS. */
    public sealed interface ReplyConfirmation {

        record Confirmed(SubscriberId id, List<String> regions, Language language) implements ReplyConfirmation {

            public Confirmed {
                regions = List.copyOf(regions);
            }
        }

        record Refused(Refusal reason, int attemptsLeft, Language language) implements ReplyConfirmation {}

        /** No subscription of that number waits for a code. */
        record NothingPending() implements ReplyConfirmation {}
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
