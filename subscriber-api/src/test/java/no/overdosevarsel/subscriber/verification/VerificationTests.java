package no.overdosevarsel.subscriber.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import no.overdosevarsel.subscriber.security.Signer;
import org.junit.jupiter.api.Test;

class VerificationTests {

    private static final Instant SENT = Instant.parse("2026-03-02T10:15:30Z");
    private static final Instant EXPIRES = SENT.plus(Duration.ofMinutes(15));
    private static final int MAX_ATTEMPTS = 5;

    private final Signer signer =
            new Signer("a test key that is long enough for HMAC-SHA256".getBytes(StandardCharsets.UTF_8));
    private final byte[] right = signer.mac("verification-code", "123456");
    private final byte[] wrong = signer.mac("verification-code", "654321");

    @Test
    void theRightCodeIsAcceptedOnceAndThenUsedUp() {
        Verification verification = sent();

        assertThat(verification.redeem(right, SENT.plusSeconds(30), MAX_ATTEMPTS))
                .isEqualTo(new Redemption.Accepted(false));
        assertThat(verification.usedAt()).isEqualTo(SENT.plusSeconds(30));
    }

    @Test
    void theRightCodeAgainIsARepeatThatProvesNothingNew() {
        Verification verification = sent();
        verification.redeem(right, SENT.plusSeconds(30), MAX_ATTEMPTS);

        assertThat(verification.redeem(right, SENT.plusSeconds(40), MAX_ATTEMPTS))
                .isEqualTo(new Redemption.Accepted(true));
        assertThat(verification.redeem(wrong, SENT.plusSeconds(50), MAX_ATTEMPTS))
                .isEqualTo(new Redemption.Refused(Refusal.USED, 0));
        assertThat(verification.usedAt()).isEqualTo(SENT.plusSeconds(30));
    }

    @Test
    void aWrongCodeIsRefusedAndCountsAsAnAttempt() {
        Verification verification = sent();

        assertThat(verification.redeem(wrong, SENT.plusSeconds(30), MAX_ATTEMPTS))
                .isEqualTo(new Redemption.Refused(Refusal.WRONG_CODE, 4));
        assertThat(verification.attempts()).isEqualTo(1);
        assertThat(verification.usedAt()).isNull();
    }

    @Test
    void afterTooManyAttemptsEvenTheRightCodeIsRefused() {
        Verification verification = sent();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            assertThat(verification.redeem(wrong, SENT.plusSeconds(attempt), MAX_ATTEMPTS))
                    .isEqualTo(new Redemption.Refused(Refusal.WRONG_CODE, MAX_ATTEMPTS - attempt));
        }

        assertThat(verification.redeem(right, SENT.plusSeconds(10), MAX_ATTEMPTS))
                .isEqualTo(new Redemption.Refused(Refusal.TOO_MANY_ATTEMPTS, 0));
        assertThat(verification.usedAt()).isNull();
    }

    @Test
    void theRightCodeOnTheLastAttemptIsAccepted() {
        Verification verification = sent();
        for (int attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
            verification.redeem(wrong, SENT.plusSeconds(attempt), MAX_ATTEMPTS);
        }

        assertThat(verification.redeem(right, SENT.plusSeconds(10), MAX_ATTEMPTS))
                .isEqualTo(new Redemption.Accepted(false));
    }

    @Test
    void anExpiredCodeIsRefusedEvenIfRight() {
        Verification verification = sent();

        assertThat(verification.redeem(right, EXPIRES, MAX_ATTEMPTS))
                .isEqualTo(new Redemption.Refused(Refusal.EXPIRED, 0));
        assertThat(verification.redeem(right, EXPIRES.minusMillis(1), MAX_ATTEMPTS))
                .isEqualTo(new Redemption.Accepted(false));
    }

    private Verification sent() {
        return new Verification(UUID.randomUUID(), UUID.randomUUID(), right, SENT, EXPIRES, 0, null);
    }
}
