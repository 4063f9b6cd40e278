package no.overdosevarsel.subscriber.verification;

import java.time.Instant;
import java.util.UUID;
import no.overdosevarsel.subscriber.security.Signer;
import org.jspecify.annotations.Nullable;

/** One code sent to one contact point (a row of {@code verification}), and the rules for redeeming it. */
final class Verification {

    private final UUID id;
    private final UUID contactPointId;
    private final byte[] codeHash;
    private final Instant createdAt;
    private final Instant expiresAt;
    private int attempts;
    private @Nullable Instant usedAt;

    Verification(
            UUID id,
            UUID contactPointId,
            byte[] codeHash,
            Instant createdAt,
            Instant expiresAt,
            int attempts,
            @Nullable Instant usedAt) {
        this.id = id;
        this.contactPointId = contactPointId;
        this.codeHash = codeHash.clone();
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
        this.attempts = attempts;
        this.usedAt = usedAt;
    }

    /**
     * Presents a code, given as its hash. Every attempt on a live code counts, right or wrong; a right code is used up.
     * A used code presented again is accepted as a repeat, so that a retried request does not look like a failure.
     */
    Redemption redeem(byte[] presentedHash, Instant now, int maxAttempts) {
        boolean right = Signer.same(codeHash, presentedHash);
        if (usedAt != null) {
            return right ? new Redemption.Accepted(true) : new Redemption.Refused(Refusal.USED, 0);
        }
        if (!now.isBefore(expiresAt)) {
            return new Redemption.Refused(Refusal.EXPIRED, 0);
        }
        if (attempts >= maxAttempts) {
            return new Redemption.Refused(Refusal.TOO_MANY_ATTEMPTS, 0);
        }
        attempts++;
        if (!right) {
            return new Redemption.Refused(Refusal.WRONG_CODE, maxAttempts - attempts);
        }
        usedAt = now;
        return new Redemption.Accepted(false);
    }

    UUID id() {
        return id;
    }

    UUID contactPointId() {
        return contactPointId;
    }

    byte[] codeHash() {
        return codeHash.clone();
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    int attempts() {
        return attempts;
    }

    @Nullable
    Instant usedAt() {
        return usedAt;
    }
}
