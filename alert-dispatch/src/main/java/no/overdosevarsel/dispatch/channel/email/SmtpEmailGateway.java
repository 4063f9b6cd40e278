package no.overdosevarsel.dispatch.channel.email;

import jakarta.activation.FileTypeMap;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import no.overdosevarsel.dispatch.delivery.SendResult;
import org.jspecify.annotations.Nullable;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.util.ClassUtils;

/**
 * Multipart text + HTML over SMTP, UTF-8, with our own Message-ID and RFC 8058 one-click unsubscribe headers.
 * Permanent SMTP failures (5xx for the recipient) are not retried; everything else is.
 */
final class SmtpEmailGateway implements EmailGateway, AutoCloseable {

    /** Jakarta Mail's system property naming its stream provider, and Angus Mail's implementation of it. */
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    private static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    private final JavaMailSender mail;
    private final EmailProperties properties;
    private final @Nullable SmtpConnections connections;

    SmtpEmailGateway(JavaMailSender mail, EmailProperties properties) {
        nameStreamProvider();
        this.mail = mail;
        this.properties = properties;
        this.connections = mail instanceof JavaMailSenderImpl sender
                ? new SmtpConnections(sender, properties.concurrency())
                : null;
    }

    @Override
    public SendResult send(OutgoingEmail email) {
        try {
            // The recipient's address alone: only if that is malformed is the address at fault.
            new InternetAddress(email.to(), true);
        } catch (AddressException e) {
            return new SendResult.Rejected("invalid address: " + e.getMessage(), false);
        }
        MimeMessage message;
        try {
            message = build(email);
        } catch (MessagingException e) {
            // Our side (sender address, headers): not the subscriber's fault, so never reported as undeliverable;
            // retried, and failed for this message only if it is never fixed.
            return new SendResult.RetryLater("unbuildable message: " + e.getMessage(), null);
        }
        if (connections == null) {
            return sendWithSpring(message, email);
        }
        try {
            connections.send(message);
            return new SendResult.Accepted(email.messageId());
        } catch (AuthenticationFailedException e) {
            return new SendResult.RetryLater("smtp authentication failed", null);
        } catch (MessagingException e) {
            return permanent(e)
                    ? new SendResult.Rejected("smtp rejected: " + e.getMessage(), false)
                    : new SendResult.RetryLater("smtp: " + e.getMessage(), null);
        }
    }

    /**
     * Jakarta Mail runs a {@link java.util.ServiceLoader} lookup for its stream provider on every body part it creates,
     * encodes or writes, which in a packaged application means searching every nested jar, many times per email. Named
     * in the system property, the provider is instantiated directly. Left alone when set, or when Angus Mail (Spring
     * Boot's implementation) is not the one on the classpath.
     */
    private static void nameStreamProvider() {
        if (System.getProperty(STREAM_PROVIDER) == null
                && ClassUtils.isPresent(ANGUS_STREAM_PROVIDER, SmtpEmailGateway.class.getClassLoader())) {
            System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
        }
    }

    private MimeMessage build(OutgoingEmail email) throws MessagingException {
        Session session = connections != null
                ? connections.session()
                : mail.createMimeMessage().getSession();
        MimeMessage message = new FixedIdMimeMessage(session, email.messageId());
        MimeMessageHelper helper = new SharedFileTypesMessageHelper(message, email.html() != null);
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
        message.setSentDate(new Date());
        message.saveChanges();
        return message;
    }

    /** A {@link JavaMailSender} we cannot hold connections for: one connection per message, as Spring sends. */
    private SendResult sendWithSpring(MimeMessage message, OutgoingEmail email) {
        try {
            mail.send(message);
            return new SendResult.Accepted(email.messageId());
        } catch (MailAuthenticationException e) {
            return new SendResult.RetryLater("smtp authentication failed", null);
        } catch (MailSendException e) {
            return e.getFailedMessages().values().stream().anyMatch(SmtpEmailGateway::permanent)
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
    private static boolean permanent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SendFailedException sendFailed
                    && sendFailed.getInvalidAddresses() != null
                    && sendFailed.getInvalidAddresses().length > 0) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String describe() {
        return connections == null ? "SMTP" : "SMTP, connections reused";
    }

    @Override
    public void close() {
        if (connections != null) {
            connections.close();
        }
    }

    /**
     * {@link MimeMessageHelper} builds a new file type map for every message that is not Spring's own
     * {@code SmartMimeMessage}, and building one scans the classpath for {@code mime.types}: in a packaged application
     * that scan cost more than the rest of the send. We attach no files, so one shared map does.
     */
    private static final class SharedFileTypesMessageHelper extends MimeMessageHelper {
        private static final FileTypeMap FILE_TYPES = fileTypes();

        SharedFileTypesMessageHelper(MimeMessage message, boolean multipart) throws MessagingException {
            super(message, multipart, StandardCharsets.UTF_8.name());
        }

        @Override
        protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
            return FILE_TYPES;
        }

        private static FileTypeMap fileTypes() {
            ConfigurableMimeFileTypeMap map = new ConfigurableMimeFileTypeMap();
            map.afterPropertiesSet();
            return map;
        }
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
