package io.noetl.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.noetl.schemas.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The outside world of the examples, on a local port:
 * {@code GET /flaky} answers 503, then 429, then 200 with orders, counted per client ({@code ?client=} or the
 * {@code X-Client} header, so each execution sees the whole pattern); {@code POST /requests} is a fake approval
 * service that records what it was asked; {@code POST /ingest} accepts anything and records it;
 * {@code GET /quotes} answers a price quote after the delay set by {@link #quoteDelay(Duration)} (none at first);
 * {@code GET /ledger/...} is down: 503 with the reason, every time.
 */
public final class DemoServices implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, AtomicInteger> flakyCalls = new ConcurrentHashMap<>();
    private final List<JsonNode> approvalRequests = new CopyOnWriteArrayList<>();
    private final List<JsonNode> ingested = new CopyOnWriteArrayList<>();
    private final AtomicInteger quoteCalls = new AtomicInteger();
    private volatile long quoteDelayMs;

    private DemoServices(HttpServer server) {
        this.server = server;
    }

    /** Starts on a free loopback port. */
    public static DemoServices start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            DemoServices services = new DemoServices(http);
            http.createContext("/flaky", services::flaky);
            http.createContext("/requests", exchange -> services.record(exchange, services.approvalRequests));
            http.createContext("/ingest", exchange -> services.record(exchange, services.ingested));
            http.createContext("/quotes", services::quotes);
            http.createContext("/ledger", exchange -> reply(exchange, 503,
                    "{\"error\":\"ledger replica ledger-2 unavailable: replication lag 412s over the 300s limit\"}"));
            http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            http.start();
            return services;
        } catch (IOException e) {
            throw new UncheckedIOException("start the demo HTTP services", e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Requests the fake approval service received, oldest first. */
    public List<JsonNode> approvalRequests() {
        return List.copyOf(approvalRequests);
    }

    public List<JsonNode> ingested() {
        return List.copyOf(ingested);
    }

    /** How many times {@code client} called {@code /flaky}. */
    public int flakyCalls(String client) {
        AtomicInteger n = flakyCalls.get(client);
        return n == null ? 0 : n.get();
    }

    /** From now on {@code GET /quotes} answers after {@code delay} (zero: at once). */
    public void quoteDelay(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("quote delay must not be negative, got " + delay);
        }
        quoteDelayMs = delay.toMillis();
    }

    /** How many times {@code /quotes} was called. */
    public int quoteCalls() {
        return quoteCalls.get();
    }

    private void quotes(HttpExchange exchange) throws IOException {
        int call = quoteCalls.incrementAndGet();
        long delay = quoteDelayMs;
        if (delay > 0) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                // the server is stopping: answer at once
                Thread.currentThread().interrupt();
            }
        }
        reply(exchange, 200, "{\"symbol\":\"NOETL\",\"price\":%d.%02d,\"call\":%d}"
                .formatted(100 + call % 7, call % 100, call));
    }

    private void flaky(HttpExchange exchange) throws IOException {
        int call = flakyCalls.computeIfAbsent(client(exchange), k -> new AtomicInteger()).incrementAndGet();
        switch (call) {
            case 1 -> reply(exchange, 503, "{\"error\":\"service unavailable, try again\"}");
            case 2 -> {
                exchange.getResponseHeaders().add("Retry-After", "0");
                reply(exchange, 429, "{\"error\":\"too many requests\"}");
            }
            default -> reply(exchange, 200, """
                    {"orders":[
                      {"id":"o-1","region":"us-east","amount":120.5},
                      {"id":"o-2","region":"eu-west","amount":80.0},
                      {"id":"o-3","region":"us-east","amount":42.25}],
                     "call":%d}""".formatted(call));
        }
    }

    private void record(HttpExchange exchange, List<JsonNode> into) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        JsonNode node;
        try {
            node = Json.tree(body);
        } catch (IllegalArgumentException notJson) {
            node = Json.object().put("text", new String(body, StandardCharsets.UTF_8));
        }
        into.add(node);
        reply(exchange, 201, "{\"accepted\":true,\"id\":" + into.size() + "}");
    }

    private static String client(HttpExchange exchange) {
        URI uri = exchange.getRequestURI();
        String query = uri.getRawQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith("client=")) {
                    return java.net.URLDecoder.decode(pair.substring(7), StandardCharsets.UTF_8);
                }
            }
        }
        String header = exchange.getRequestHeaders().getFirst("X-Client");
        return header != null ? header : exchange.getRemoteAddress().getAddress().getHostAddress();
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
