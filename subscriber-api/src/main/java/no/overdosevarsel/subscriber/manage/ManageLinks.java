package no.overdosevarsel.subscriber.manage;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import no.overdosevarsel.contracts.Topics;
import no.overdosevarsel.contracts.message.DirectMessage;
import no.overdosevarsel.contracts.subscription.Channel;
import no.overdosevarsel.platform.outbox.Outbox;
import no.overdosevarsel.subscriber.PublicLinks;
import no.overdosevarsel.subscriber.security.Signer;
import no.overdosevarsel.subscriber.subscription.Language;
import no.overdosevarsel.subscriber.subscription.SubscriberData;
import no.overdosevarsel.subscriber.subscription.SubscriberId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends a manage link to an address that belongs to at least one subscriber, and tells which subscribers a link's
 * token stands for. The token is stateless: {@code v1|<expiry epoch seconds>|<subscriber ids>} signed for its own
 * purpose, so neither an unsubscribe token nor a code hash can be used as one. It carries subscriber ids, never an
 * address, since links end up in logs and browser histories.
 */
@Service
public class ManageLinks {

    static final String PURPOSE = "manage-link";
    static final String PATH = "/manage/{token}";

    /** More than this many subscribers at one address is abuse or a mistake; a link covers the first ten by id. */
    private static final int MAX_SUBSCRIBERS = 10;

    private static final Logger log = LoggerFactory.getLogger(ManageLinks.class);

    private final SubscriberData data;
    private final Signer signer;
    private final Outbox outbox;
    private final MessageSource messages;
    private final PublicLinks links;
    private final ManageLinkProperties properties;
    private final Clock clock;

    ManageLinks(
            SubscriberData data,
            Signer signer,
            Outbox outbox,
            MessageSource messages,
            PublicLinks links,
            ManageLinkProperties properties,
            Clock clock) {
        this.data = data;
        this.signer = signer;
        this.outbox = outbox;
        this.messages = messages;
        this.links = links;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Sends a link to the address if any subscriber has it; does nothing otherwise. The caller must answer the same
     * either way, so that nobody learns whether an address is subscribed.
     *
     * @param address normalised
     */
    @Transactional
    public void send(Channel channel, String address) {
        SubscriberData.Holders holders = data.holdersOf(channel, address);
        if (holders.ids().isEmpty()) {
            return;
        }
        List<SubscriberId> ids = holders.ids().size() <= MAX_SUBSCRIBERS
                ? holders.ids()
                : holders.ids().subList(0, MAX_SUBSCRIBERS);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(properties.validity());
        String token = signer.sign(
                PURPOSE,
                "v1|" + expiresAt.getEpochSecond() + "|"
                        + String.join(
                                ",", ids.stream().map(SubscriberId::toString).toList()));
        Language language = holders.language().orElse(Language.NB);
        outbox.append(
                Topics.DIRECT_MESSAGES,
                address,
                message(channel, address, language, links.to(PATH, token).toString(), now, expiresAt));
        log.info("Manage link sent for {} subscriber(s)", ids.size());
    }

    /** The subscribers a token stands for; empty if it is not ours, was altered, or has expired. */
    public Optional<List<SubscriberId>> subscribersOf(String token) {
        Optional<String> value = signer.verify(PURPOSE, token);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String[] parts = value.get().split("\\|", -1);
        if (parts.length != 3 || !parts[0].equals("v1")) {
            return Optional.empty();
        }
        try {
            if (!clock.instant().isBefore(Instant.ofEpochSecond(Long.parseLong(parts[1])))) {
                return Optional.empty();
            }
            List<SubscriberId> ids = new ArrayList<>();
            for (String id : parts[2].split(",")) {
                ids.add(new SubscriberId(UUID.fromString(id)));
            }
            return Optional.of(List.copyOf(ids));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private DirectMessage message(
            Channel channel, String to, Language language, String link, Instant createdAt, Instant notAfter) {
        Object[] args = {link, Long.toString(properties.validity().toMinutes())};
        String subject =
                channel == Channel.EMAIL ? messages.getMessage("manage.email.subject", args, language.locale()) : null;
        String body = messages.getMessage(
                channel == Channel.EMAIL ? "manage.email.body" : "manage.sms", args, language.locale());
        return new DirectMessage(
                DirectMessage.SCHEMA_VERSION,
                UUID.randomUUID(),
                DirectMessage.Purpose.MANAGE_LINK,
                channel,
                to,
                language.code(),
                subject,
                body,
                createdAt,
                notAfter);
    }
}
