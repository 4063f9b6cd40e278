package no.overdosevarsel.subscriber.verification;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** That a code was sent, and what became of it; never the code. */
public record IssuedCode(
        Instant createdAt,
        Instant expiresAt,
        int attempts,
        @Nullable Instant usedAt) {}
