package no.overdosevarsel.subscriber.verification;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import no.overdosevarsel.contracts.Topics;
import no.overdosevarsel.contracts.subscription.Channel;
import no.overdosevarsel.platform.outbox.Outbox;
import no.overdosevarsel.subscriber.security.Signer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues six-digit codes that prove a person holds a contact point, and redeems them. A code exists in clear text only
 * in the message that carries it; the database keeps its HMAC under the server's token secret, bound to the contact
 * point, so a leaked table does not reveal codes.
 */
@Service
public class VerificationCodes {

    static final String CODE_PURPOSE = "verification-code";

    private final VerificationRepository verifications;
    private final VerificationMessages messages;
    private final Outbox outbox;
    private final Signer signer;
    private final VerificationProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    VerificationCodes(
            VerificationRepository verifications,
            VerificationMessages messages,
            Outbox outbox,
            Signer signer,
            VerificationProperties properties,
            Clock clock) {
        this.verifications = verifications;
        this.messages = messages;
        this.outbox = outbox;
        this.signer = signer;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Creates a new code for the contact point and puts the message carrying it in the outbox for
     * {@code direct-messages}, keyed by the address, in the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void issue(UUID contactPointId, Channel channel, String address, Locale language) {
        String code = newCode();
        Instant now = now();
        Instant expiresAt = store(contactPointId, code, now);
        outbox.append(
                Topics.DIRECT_MESSAGES,
                address,
                messages.verificationCode(channel, address, language, code, now, expiresAt));
    }

    /**
     * As {@link #issue}, for a number that asked for alerts by SMS keyword: the message asks the person to reply with
     * the code, and names what they asked for.
     *
     * @param number in E.164
     * @param placeName the region they asked for, as a person would write it
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void issueForReply(UUID contactPointId, String number, Locale language, String placeName) {
        String code = newCode();
        Instant now = now();
        Instant expiresAt = store(contactPointId, code, now);
        outbox.append(
                Topics.DIRECT_MESSAGES, number, messages.replyCode(number, language, code, placeName, now, expiresAt));
    }

    /** The codes sent to the contact point, oldest first, without the codes: for a subscriber's export of their data. */
    public List<IssuedCode> history(UUID contactPointId) {
        return verifications.allOf(contactPointId).stream()
                .map(v -> new IssuedCode(v.createdAt(), v.expiresAt(), v.attempts(), v.usedAt()))
                .toList();
    }

    private String newCode() {
        return "%06d".formatted(random.nextInt(1_000_000));
    }

    private Instant store(UUID contactPointId, String code, Instant now) {
        Instant expiresAt = now.plus(properties.codeValidity());
        verifications.insert(new Verification(
                UUID.randomUUID(), contactPointId, hash(contactPointId, code), now, expiresAt, 0, null));
        return expiresAt;
    }

    /**
     * Presents a code for the contact point, checked against the code sent last. The attempt is stored in the caller's
     * transaction, which must commit even when the code is refused, or attempts would not be counted.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Redemption redeem(UUID contactPointId, String code) {
        return verifications
                .latestForUpdate(contactPointId)
                .map(verification -> {
                    Redemption redemption =
                            verification.redeem(hash(contactPointId, code), now(), properties.maxAttempts());
                    verifications.update(verification);
                    return redemption;
                })
                .orElseGet(() -> new Redemption.Refused(Refusal.EXPIRED, 0));
    }

    /** PostgreSQL keeps microseconds: a time read back equals the one written. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private byte[] hash(UUID contactPointId, String code) {
        return signer.mac(CODE_PURPOSE, contactPointId + ":" + code);
    }
}
