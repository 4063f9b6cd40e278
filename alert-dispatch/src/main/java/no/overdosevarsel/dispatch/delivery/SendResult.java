package no.overdosevarsel.dispatch.delivery;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** What a provider said about one message. */
public sealed interface SendResult {

    /** The provider took the message; {@code providerId} identifies it in status callbacks. */
    record Accepted(String providerId) implements SendResult {}

    /** Worth trying again later (rate limit, provider error, connection failure). */
    record RetryLater(String reason, @Nullable Duration after) implements SendResult {}

    /** Will never succeed (invalid or opted-out address): recorded, not retried. */
    record Rejected(String reason, boolean optedOut) implements SendResult {}
}
