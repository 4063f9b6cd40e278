package no.overdosevarsel.subscriber.subscription;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.overdosevarsel.contracts.Topics;
import no.overdosevarsel.contracts.message.DirectMessage;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import no.overdosevarsel.contracts.subscription.Channel;
import no.overdosevarsel.platform.outbox.Outbox;
import no.overdosevarsel.subscriber.PublicLinks;
import no.overdosevarsel.subscriber.security.Signer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Confirmation links for contact points an administrator added on a person's behalf (docs/adr/0024). The person never
 * saw a form to type a code into, so the message carries a link instead: {@code /confirm/{token}}, the token
 * {@code v1|<expiry epoch seconds>|<subscriber id>|<contact point id>} signed for its own purpose. It is sent only to
 * the address it confirms, so opening it proves the person holds the address, as a code would. It stays valid as long
 * as an unconfirmed subscriber is kept.
 */
@Service
public class ContactConfirmations {

    static final String PURPOSE = "contact-confirmation";
    public static final String PATH = "/confirm/{token}";

    private static final Logger log = LoggerFactory.getLogger(ContactConfirmations.class);

    private final SubscriberRepository subscribers;
    private final Snapshots snapshots;
    private final Outbox outbox;
    private final Signer signer;
    private final MessageSource messages;
    private final PublicLinks links;
    private final RegionCatalogue catalogue;
    private final RetentionProperties retention;
    private final Clock clock;

    ContactConfirmations(
            SubscriberRepository subscribers,
            Snapshots snapshots,
            Outbox outbox,
            Signer signer,
            MessageSource messages,
            PublicLinks links,
            RegionCatalogue catalogue,
            RetentionProperties retention,
            Clock clock) {
        this.subscribers = subscribers;
        this.snapshots = snapshots;
        this.outbox = outbox;
        this.signer = signer;
        this.messages = messages;
        this.links = links;
        this.catalogue = catalogue;
        this.retention = retention;
        this.clock = clock;
    }

    /** Puts a message with a confirmation link for the contact point in the outbox, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    void send(Subscriber subscriber, Contact contact) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(retention.unconfirmed());
        String token =
                signer.sign(PURPOSE, "v1|" + expiresAt.getEpochSecond() + "|" + subscriber.id() + "|" + contact.id());
        String places = String.join(
                ", ", subscriber.regions().stream().map(catalogue::displayName).toList());
        Object[] args = {
            links.to(PATH, token).toString(),
            places,
            Long.toString(retention.unconfirmed().toDays())
        };
        Language language = subscriber.language();
        String subject = contact.channel() == Channel.EMAIL
                ? messages.getMessage("confirmation.email.subject", args, language.locale())
                : null;
        String body = messages.getMessage(
                contact.channel() == Channel.EMAIL ? "confirmation.email.body" : "confirmation.sms",
                args,
                language.locale());
        outbox.append(
                Topics.DIRECT_MESSAGES,
                contact.address(),
                new DirectMessage(
                        DirectMessage.SCHEMA_VERSION,
                        UUID.randomUUID(),
                        DirectMessage.Purpose.CONFIRMATION_LINK,
                        contact.channel(),
                        contact.address(),
                        language.code(),
                        subject,
                        body,
                        now,
                        expiresAt));
    }

    /** Whether the token is one of ours, unaltered and unexpired; says nothing about the subscriber. */
    public boolean valid(String token) {
        return parse(token).isPresent();
    }

    /**
     * Confirms the contact point the token was made for and publishes the new snapshot. Repeating it changes nothing.
     *
     * @return false if the token is not ours, altered or expired, or its contact point no longer exists
     */
    @Transactional
    public boolean confirm(String token) {
        Optional<Target> target = parse(token);
        if (target.isEmpty()) {
            return false;
        }
        Optional<Subscriber> found = subscribers.findForUpdate(target.get().subscriber());
        Optional<Contact> contact = found.flatMap(s -> s.contacts().stream()
                .filter(c -> c.id().equals(target.get().contactPoint()))
                .findFirst());
        if (contact.isEmpty()) {
            return false;
        }
        Subscriber subscriber = found.get();
        if (subscriber.markVerified(contact.get().channel(), clock.instant().truncatedTo(ChronoUnit.MICROS))) {
            subscribers.update(subscriber);
            snapshots.publish(subscriber);
            log.info(
                    "Subscriber {}: {} confirmed by link, revision {}",
                    subscriber.id(),
                    contact.get().channel(),
                    subscriber.revision());
        }
        return true;
    }

    private Optional<Target> parse(String token) {
        Optional<String> value = signer.verify(PURPOSE, token);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = List.of(value.get().split("\\|", -1));
        if (parts.size() != 4 || !parts.getFirst().equals("v1")) {
            return Optional.empty();
        }
        try {
            if (!clock.instant().isBefore(Instant.ofEpochSecond(Long.parseLong(parts.get(1))))) {
                return Optional.empty();
            }
            return Optional.of(
                    new Target(new SubscriberId(UUID.fromString(parts.get(2))), UUID.fromString(parts.get(3))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private record Target(SubscriberId subscriber, UUID contactPoint) {}
}
