package io.noetl.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port choice on the loopback interface for the servers started on this machine. */
public final class LoopbackPorts {

    private LoopbackPorts() {
    }

    /** A port nothing listens on now, picked by the operating system. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("find a free loopback port", e);
        }
    }

    /** Whether nothing listens on {@code port} of the loopback interface (and it may be bound). */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code preferred} when it is a port number and free, otherwise a free port picked by the operating system. */
    public static int freeOr(int preferred) {
        return preferred > 0 && preferred < 65536 && isFree(preferred) ? preferred : free();
    }

    /**
     * {@code n} distinct free ports, for a server that listens on several: all are held open together while they
     * are picked, so the operating system cannot hand out the same port twice.
     */
    public static int[] freeBlock(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("a block of free ports needs n >= 1, got " + n);
        }
        ServerSocket[] sockets = new ServerSocket[n];
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("find " + n + " free loopback ports", e);
        } finally {
            for (ServerSocket socket : sockets) {
                closeQuietly(socket);
            }
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        if (socket == null) {
            return;
        }
        try {
            socket.close();
        } catch (IOException e) {
            // the port was only held to keep it out of the block's other picks
        }
    }
}
