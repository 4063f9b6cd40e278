package no.overdosevarsel.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An SMTP server on loopback that accepts every message and keeps none: a virtual thread per connection, any number of
 * messages per connection (MAIL, RCPT, DATA, RSET, NOOP), and a count of messages accepted at the end of DATA. GreenMail
 * parses and stores every message in this JVM's heap, which would both slow the stub down and hide whether dispatch's
 * own heap stays flat.
 */
final class SmtpSink implements AutoCloseable {

    private final Acceptances acceptances = new Acceptances();
    private final ServerSocket server;
    private final Thread acceptor;

    SmtpSink() {
        try {
            server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        acceptor = Thread.ofPlatform().name("smtp-sink").daemon().start(this::acceptConnections);
    }

    int port() {
        return server.getLocalPort();
    }

    Acceptances acceptances() {
        return acceptances;
    }

    private void acceptConnections() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> converse(socket));
            } catch (IOException e) {
                if (!server.isClosed()) {
                    System.err.println("smtp-sink: " + e);
                }
            }
        }
    }

    private void converse(Socket socket) {
        try (socket;
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1), 16 * 1024);
                OutputStream out = socket.getOutputStream()) {
            socket.setTcpNoDelay(true);
            reply(out, "220 localhost ESMTP bench sink");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() < 4
                        ? line.toUpperCase(Locale.ROOT)
                        : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (command) {
                    case "EHLO" -> reply(out, "250-localhost\r\n250-8BITMIME\r\n250 SMTPUTF8");
                    case "HELO" -> reply(out, "250 localhost");
                    case "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 2.0.0 Ok");
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        String data;
                        while ((data = in.readLine()) != null && !data.equals(".")) {
                            // discarded
                        }
                        if (data == null) {
                            return;
                        }
                        acceptances.accepted();
                        reply(out, "250 2.0.0 Ok: queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 2.0.0 Bye");
                        return;
                    }
                    default -> reply(out, "502 5.5.2 Command not recognized");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
            acceptor.join(1_000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
