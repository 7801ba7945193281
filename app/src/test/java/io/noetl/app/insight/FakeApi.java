package io.noetl.app.insight;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The outside world the scenarios call, on a loopback port: {@code /r/<scenario>} answers the scenario's replies in
 * turn (the last one repeats), each with its status, headers, body and delay, or drops the connection without an
 * answer; {@code /ok} answers 200 with a small JSON body. A second port ({@link #plainTextUrl()}) answers every
 * connection with a plain-text HTTP line at once, so a TLS client gets no handshake from it.
 */
final class FakeApi implements AutoCloseable {

    /**
     * One answer.
     *
     * @param status  HTTP status
     * @param headers response headers
     * @param body    response body (may be empty)
     * @param delayMs wait before answering
     * @param drop    close the connection without any answer
     */
    record Reply(int status, Map<String, String> headers, String body, long delayMs, boolean drop) {

        static Reply of(int status, String body, String... headerPairs) {
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            for (int i = 0; i + 1 < headerPairs.length; i += 2) {
                headers.put(headerPairs[i], headerPairs[i + 1]);
            }
            if (!headers.containsKey("Content-Type")) {
                String trimmed = body.strip();
                headers.put("Content-Type", trimmed.startsWith("{") || trimmed.startsWith("[") ? "application/json"
                        : trimmed.startsWith("<") ? "text/html" : "text/plain");
            }
            return new Reply(status, headers, body, 0, false);
        }

        static Reply ok() {
            return of(200, "{\"items\": [{\"id\": 1, \"amount\": 12.5}], \"next\": null}");
        }

        static Reply dropped() {
            return new Reply(0, Map.of(), "", 0, true);
        }

        Reply after(long millis) {
            return new Reply(status, headers, body, millis, drop);
        }
    }

    private final HttpServer server;
    private final ServerSocket plain;
    private final Map<String, List<Reply>> routes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    private FakeApi(HttpServer server, ServerSocket plain) {
        this.server = server;
        this.plain = plain;
        Thread.ofVirtual().name("plain-text-port").start(this::answerPlainText);
    }

    static FakeApi start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
            FakeApi api = new FakeApi(http, new ServerSocket(0, 16, InetAddress.getLoopbackAddress()));
            http.createContext("/r/", api::answer);
            http.createContext("/ok", exchange -> send(exchange, Reply.ok()));
            http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            http.start();
            return api;
        } catch (IOException e) {
            throw new UncheckedIOException("start the scenarios' HTTP service", e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** An {@code https://} URL whose port speaks plain HTTP. */
    String plainTextUrl() {
        return "https://127.0.0.1:" + plain.getLocalPort();
    }

    private void answerPlainText() {
        while (!plain.isClosed()) {
            try (Socket s = plain.accept()) {
                s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                // closed on shutdown, or the client went away first
            }
        }
    }

    /** Routes {@code /r/<name>} to {@code replies}, answered in turn. */
    void route(String name, List<Reply> replies) {
        routes.put(name, List.copyOf(replies));
    }

    private void answer(HttpExchange exchange) throws IOException {
        String name = exchange.getRequestURI().getPath().substring("/r/".length());
        List<Reply> replies = routes.get(name);
        if (replies == null) {
            send(exchange, Reply.of(599, "no route " + name));
            return;
        }
        int call = calls.computeIfAbsent(name, k -> new AtomicInteger()).getAndIncrement();
        send(exchange, replies.get(Math.min(call, replies.size() - 1)));
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            if (reply.delayMs() > 0) {
                try {
                    Thread.sleep(reply.delayMs());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (reply.drop()) {
                // closing the exchange unanswered leaves the client with a connection closed before any response
                return;
            }
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        try {
            plain.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
