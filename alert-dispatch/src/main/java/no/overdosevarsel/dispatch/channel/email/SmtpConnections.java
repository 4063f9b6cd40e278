package no.overdosevarsel.dispatch.channel.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Open SMTP connections kept for the next message. {@link JavaMailSenderImpl#send} connects, says EHLO and QUITs for
 * every single message; here a connection that sent a message goes back to the pool and the next send reuses it. At
 * most {@code maxIdle} are kept (the channel's concurrency, so thousands of emails never mean thousands of
 * connections); a connection idle for a while is checked with NOOP before reuse, as the server may have dropped it;
 * one that failed is closed, never reused.
 */
final class SmtpConnections implements AutoCloseable {

    private static final long CHECK_AFTER_IDLE_NANOS = Duration.ofSeconds(5).toNanos();

    private final JavaMailSenderImpl sender;
    private final BlockingDeque<Idle> idle;

    SmtpConnections(JavaMailSenderImpl sender, int maxIdle) {
        this.sender = sender;
        this.idle = new LinkedBlockingDeque<>(Math.max(1, maxIdle));
    }

    Session session() {
        return sender.getSession();
    }

    /** Sends on a pooled connection; any failure closes that connection and is the caller's to classify. */
    void send(MimeMessage message) throws MessagingException {
        Transport transport = borrow();
        boolean reusable = false;
        try {
            transport.sendMessage(message, message.getAllRecipients());
            reusable = true;
        } finally {
            if (reusable) {
                giveBack(transport);
            } else {
                closeQuietly(transport);
            }
        }
    }

    private Transport borrow() throws MessagingException {
        for (Idle candidate = idle.pollFirst(); candidate != null; candidate = idle.pollFirst()) {
            boolean fresh = System.nanoTime() - candidate.since() < CHECK_AFTER_IDLE_NANOS;
            if (fresh || candidate.transport().isConnected()) {
                return candidate.transport();
            }
            closeQuietly(candidate.transport());
        }
        return connect();
    }

    /** As {@link JavaMailSenderImpl} connects, with its host, port, protocol, credentials and session properties. */
    private Transport connect() throws MessagingException {
        Session session = sender.getSession();
        String protocol = sender.getProtocol();
        if (protocol == null) {
            protocol = session.getProperty("mail.transport.protocol");
        }
        String username = sender.getUsername();
        String password = sender.getPassword();
        if ("".equals(username)) {
            username = null;
            if ("".equals(password)) {
                password = null;
            }
        }
        Transport transport = session.getTransport(protocol == null ? JavaMailSenderImpl.DEFAULT_PROTOCOL : protocol);
        transport.connect(sender.getHost(), sender.getPort(), username, password);
        return transport;
    }

    private void giveBack(Transport transport) {
        // Most recently used first, so that a quiet period lets the surplus connections age out.
        if (!idle.offerFirst(new Idle(transport, System.nanoTime()))) {
            closeQuietly(transport);
        }
    }

    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException | RuntimeException e) {
            // already broken; nothing to tell anyone
        }
    }

    @Override
    public void close() {
        for (Idle connection = idle.pollFirst(); connection != null; connection = idle.pollFirst()) {
            closeQuietly(connection.transport());
        }
    }

    private record Idle(Transport transport, long since) {}
}
