package no.overdosevarsel.dispatch.channel.email;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import no.overdosevarsel.dispatch.delivery.SendResult;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Multipart text + HTML over SMTP, UTF-8, with our own Message-ID and RFC 8058 one-click unsubscribe headers.
 * Permanent SMTP failures (5xx for the recipient) are not retried; everything else is.
 */
final class SmtpEmailGateway implements EmailGateway {

    private final JavaMailSender mail;
    private final EmailProperties properties;

    SmtpEmailGateway(JavaMailSender mail, EmailProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    @Override
    public SendResult send(OutgoingEmail email) {
        try {
            MimeMessage message =
                    new FixedIdMimeMessage(mail.createMimeMessage().getSession(), email.messageId());
            MimeMessageHelper helper =
                    new MimeMessageHelper(message, email.html() != null, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.from());
            helper.setTo(email.to());
            helper.setSubject(email.subject());
            if (email.html() != null) {
                helper.setText(email.text(), email.html());
            } else {
                helper.setText(email.text());
            }
            if (email.unsubscribeUrl() != null) {
                message.setHeader("List-Unsubscribe", "<" + email.unsubscribeUrl() + ">");
                message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
            message.setHeader("Auto-Submitted", "auto-generated");
            mail.send(message);
            return new SendResult.Accepted(email.messageId());
        } catch (MessagingException e) {
            return new SendResult.Rejected("unbuildable message: " + e.getMessage(), false);
        } catch (MailAuthenticationException e) {
            return new SendResult.RetryLater("smtp authentication failed", null);
        } catch (MailSendException e) {
            return permanent(e)
                    ? new SendResult.Rejected("smtp rejected: " + e.getMessage(), false)
                    : new SendResult.RetryLater("smtp: " + e.getMessage(), null);
        } catch (MailException e) {
            return new SendResult.RetryLater("smtp: " + e.getMessage(), null);
        }
    }

    /**
     * The server refused the recipient for good: JavaMail lists addresses rejected with a 5xx reply as invalid, and
     * those rejected with a 4xx reply as valid but unsent.
     */
    private static boolean permanent(MailSendException e) {
        for (Exception failure : e.getFailedMessages().values()) {
            Throwable cause = failure;
            while (cause != null) {
                if (cause instanceof SendFailedException sendFailed
                        && sendFailed.getInvalidAddresses() != null
                        && sendFailed.getInvalidAddresses().length > 0) {
                    return true;
                }
                cause = cause.getCause();
            }
        }
        return false;
    }

    @Override
    public String describe() {
        return "SMTP";
    }

    /** Keeps the Message-ID we chose; JavaMail would otherwise replace it on save. */
    private static final class FixedIdMimeMessage extends MimeMessage {
        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
