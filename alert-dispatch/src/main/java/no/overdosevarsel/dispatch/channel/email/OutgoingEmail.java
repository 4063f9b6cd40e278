package no.overdosevarsel.dispatch.channel.email;

import org.jspecify.annotations.Nullable;

/**
 * One rendered email.
 *
 * @param html null for plain-text-only messages
 * @param unsubscribeUrl RFC 8058 one-click target; null for messages that are not subscriptions
 */
record OutgoingEmail(
        String to,
        String subject,
        String text,
        @Nullable String html,
        String messageId,
        @Nullable String unsubscribeUrl) {}
