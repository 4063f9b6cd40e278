package no.overdosevarsel.subscriber.verification;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import no.overdosevarsel.contracts.message.DirectMessage;
import no.overdosevarsel.contracts.subscription.Channel;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders the message that carries a verification code, in the subscriber's language, from the keys
 * {@code verification.sms}, {@code verification.email.subject} and {@code verification.email.body}. The SMS stays
 * within one GSM-7 segment.
 */
@Component
class VerificationMessages {

    private final MessageSource messages;

    VerificationMessages(MessageSource messages) {
        this.messages = messages;
    }

    /** An SMS asking the sender of a keyword to reply with the code: key {@code verification.sms.reply}. */
    DirectMessage replyCode(
            String to, Locale language, String code, String placeName, Instant createdAt, Instant notAfter) {
        Object[] args = {
            code, Long.toString(Duration.between(createdAt, notAfter).toMinutes()), placeName
        };
        return new DirectMessage(
                DirectMessage.SCHEMA_VERSION,
                UUID.randomUUID(),
                DirectMessage.Purpose.VERIFICATION_CODE,
                Channel.SMS,
                to,
                language.toLanguageTag(),
                null,
                messages.getMessage("verification.sms.reply", args, language),
                createdAt,
                notAfter);
    }

    DirectMessage verificationCode(
            Channel channel, String to, Locale language, String code, Instant createdAt, Instant notAfter) {
        // Strings, not numbers, so that MessageFormat prints them as they are.
        Object[] args = {
            code, Long.toString(Duration.between(createdAt, notAfter).toMinutes())
        };
        String subject = switch (channel) {
            case SMS -> null;
            case EMAIL -> messages.getMessage("verification.email.subject", args, language);
        };
        String body = switch (channel) {
            case SMS -> messages.getMessage("verification.sms", args, language);
            case EMAIL -> messages.getMessage("verification.email.body", args, language);
        };
        return new DirectMessage(
                DirectMessage.SCHEMA_VERSION,
                UUID.randomUUID(),
                DirectMessage.Purpose.VERIFICATION_CODE,
                channel,
                to,
                language.toLanguageTag(),
                subject,
                body,
                createdAt,
                notAfter);
    }
}
