package no.overdosevarsel.contracts.message;

import java.time.Instant;
import java.util.UUID;
import no.overdosevarsel.contracts.subscription.Channel;
import org.jspecify.annotations.Nullable;

/**
 * A one-off message rendered by subscriber-api and sent as-is by alert-dispatch, ahead of bulk alert traffic. Sent on
 * {@code direct-messages}, keyed by the address, deduplicated on {@code messageId}.
 *
 * @param subject email subject; null for SMS
 * @param notAfter a message still unsent at this time is dropped (a verification code that has expired is noise)
 */
public record DirectMessage(
        int schemaVersion,
        UUID messageId,
        Purpose purpose,
        Channel channel,
        String to,
        String language,
        @Nullable String subject,
        String body,
        Instant createdAt,
        Instant notAfter) {

    public static final int SCHEMA_VERSION = 1;

    /** Why the message is sent. */
    public enum Purpose {
        VERIFICATION_CODE,
        CONFIRMATION_LINK,
        MANAGE_LINK,
        KEYWORD_REPLY,
        OPT_OUT_CONFIRMATION
    }
}
