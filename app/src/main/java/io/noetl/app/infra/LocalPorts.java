package io.noetl.app.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Loopback port choice for the services the app starts itself. */
public final class LocalPorts {

    private LocalPorts() {
    }

    /** Whether nothing listens on {@code port} of the loopback interface (and we may bind it). */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code preferred} if free, otherwise a free port picked by the OS. */
    public static int freeOr(int preferred) {
        return preferred > 0 && isFree(preferred) ? preferred : any();
    }

    public static int any() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("find a free loopback port", e);
        }
    }
}
