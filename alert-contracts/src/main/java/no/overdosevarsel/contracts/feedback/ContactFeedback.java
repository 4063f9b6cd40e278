package no.overdosevarsel.contracts.feedback;

import java.time.Instant;
import java.util.UUID;
import no.overdosevarsel.contracts.subscription.Channel;
import org.jspecify.annotations.Nullable;

/**
 * A provider's verdict on a contact point, sent by alert-dispatch on {@code contact-feedback} keyed by the address, so
 * that subscriber-api (which owns consent) records it. Deduplicated on {@code feedbackId}.
 *
 * @param subscriberId the subscriber the failed delivery was for, when known
 * @param reason provider's words, e.g. "twilio 400/21610"
 */
public record ContactFeedback(
        int schemaVersion,
        UUID feedbackId,
        Kind kind,
        Channel channel,
        String address,
        @Nullable UUID subscriberId,
        String reason,
        Instant observedAt) {

    public static final int SCHEMA_VERSION = 1;

    /** What the provider said. */
    public enum Kind {
        /** The person told the provider to stop (Twilio 21610): never send again until they opt back in. */
        OPTED_OUT,
        /** The address can never be delivered to (invalid or non-mobile number, permanent SMTP rejection). */
        UNDELIVERABLE
    }
}
