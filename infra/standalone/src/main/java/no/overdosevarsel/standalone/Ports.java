package no.overdosevarsel.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.stream.IntStream;

/** Which local TCP ports can be listened on. */
final class Ports {

    private Ports() {}

    /** Whether nothing listens on {@code port}, on any address (Tomcat binds the wildcard address). */
    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress((InetAddress) null, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port that was free a moment ago; another process may still take it before it is used. */
    static int anyFree() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free local port", e);
        }
    }

    /** {@code count} different ports that were free a moment ago. */
    static int[] distinctFree(int count) {
        return IntStream.generate(Ports::anyFree).distinct().limit(count).toArray();
    }

    static void requireFree(int port, String what, String howToChange) {
        if (!isFree(port)) {
            throw new IllegalStateException("Port " + port + " for " + what + " is in use; " + howToChange);
        }
    }
}
