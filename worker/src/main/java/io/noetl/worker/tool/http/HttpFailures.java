package io.noetl.worker.tool.http;

import io.noetl.schemas.event.ErrorInfo;
import io.noetl.worker.tool.ToolOutcome;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * Names why a request got no response: the JDK client says {@code ConnectException} for a refused port and an
 * unknown host alike, and {@code header parser received no bytes} for a connection the server dropped. The message
 * says the cause in words (connection refused, DNS name not resolved, connection reset, connection closed before a
 * response, TLS handshake failed, host unreachable, connect timed out, read timed out), the {@code host:port}
 * (the scheme's default port when the URL has none) and the underlying exception.
 */
final class HttpFailures {

    /** The cause of a failed exchange, in the words the message uses; declared from the most specific down. */
    enum Cause {
        DNS("DNS name not resolved"),
        CONNECT_TIMEOUT("connect timed out"),
        READ_TIMEOUT("read timed out"),
        TLS("TLS handshake failed"),
        UNREACHABLE("host unreachable"),
        REFUSED("connection refused"),
        RESET("connection reset"),
        CLOSED("connection closed before a response"),
        IO("I/O error");

        final String words;

        Cause(String words) {
            this.words = words;
        }
    }

    private HttpFailures() {
    }

    /** The outcome of {@code request} failing with {@code e}: a retriable {@code Timeout} or connection error. */
    static ToolOutcome.Failed of(HttpRequest request, IOException e, Duration connectTimeout) {
        Cause cause = causeOf(e);
        String where = hostPort(request.uri());
        String detail = innermost(e);
        String message = switch (cause) {
            case CONNECT_TIMEOUT -> request.method() + " " + request.uri() + " failed: connect timed out: no "
                    + "connection to " + where + " within " + connectTimeout.toMillis() + " ms";
            case READ_TIMEOUT -> request.method() + " " + request.uri() + " failed: read timed out: no response from "
                    + where + " within " + request.timeout().orElse(Duration.ZERO).toMillis() + " ms";
            default -> request.method() + " " + request.uri() + " failed: " + cause.words + " ("
                    + where + ")" + (detail.isEmpty() ? "" : ": " + detail);
        };
        boolean timeout = cause == Cause.CONNECT_TIMEOUT || cause == Cause.READ_TIMEOUT;
        return new ToolOutcome.Failed(ErrorInfo.retriable(timeout ? "Timeout" : "ConnectionError", message), null,
                null, Map.of());
    }

    /** What went wrong, from the exception and its causes: the most specific cause anywhere in the chain wins. */
    static Cause causeOf(Throwable e) {
        for (Cause cause : Cause.values()) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (is(cause, t)) {
                    return cause;
                }
            }
        }
        return e instanceof ConnectException ? Cause.REFUSED : Cause.IO;
    }

    private static boolean is(Cause cause, Throwable t) {
        String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
        return switch (cause) {
            case DNS -> t instanceof UnresolvedAddressException || t instanceof UnknownHostException;
            case CONNECT_TIMEOUT -> t instanceof HttpConnectTimeoutException;
            case READ_TIMEOUT -> t instanceof HttpTimeoutException;
            case TLS -> t instanceof SSLException;
            case UNREACHABLE -> t instanceof NoRouteToHostException || m.contains("unreachable")
                    || m.contains("no route");
            case REFUSED -> m.contains("refused");
            case RESET -> m.contains("reset");
            case CLOSED -> m.contains("received no bytes") || m.contains("eof reached") || m.contains("closed");
            case IO -> false;
        };
    }

    /** {@code host:port} of the URI, with the scheme's default port when it names none. */
    static String hostPort(URI uri) {
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ":" + port;
    }

    /** {@code Class: message} of the deepest cause that has a message, else the deepest cause's class. */
    private static String innermost(Throwable e) {
        String withMessage = null;
        Throwable deepest = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            deepest = t;
            if (t.getMessage() != null) {
                withMessage = t.getClass().getName() + ": " + t.getMessage();
            }
        }
        return withMessage != null ? withMessage : deepest.getClass().getName();
    }
}
