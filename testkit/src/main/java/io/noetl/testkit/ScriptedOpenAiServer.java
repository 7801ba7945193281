package io.noetl.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An OpenAI-compatible chat-completions endpoint ({@code POST /v1/chat/completions}) that answers with scripted
 * completions, in order, and keeps every request body. No language model can run in tests; this stands in for one
 * (OpenAI, vLLM, llama.cpp's server, Ollama's {@code /v1}) at the protocol level.
 */
public final class ScriptedOpenAiServer implements AutoCloseable {

    /** One scripted reply: after {@code delay}, HTTP {@code status} with the assistant message {@code content}. */
    public record Reply(int status, String content, Duration delay) {
        public static Reply answer(String content) {
            return new Reply(200, content, Duration.ZERO);
        }

        public static Reply slow(Duration delay, String content) {
            return new Reply(200, content, delay);
        }

        public static Reply error(int status) {
            return new Reply(status, null, Duration.ZERO);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final ConcurrentLinkedQueue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile Reply otherwise = Reply.error(500);

    private ScriptedOpenAiServer(HttpServer server) {
        this.server = server;
    }

    /** Starts on a free loopback port. */
    public static ScriptedOpenAiServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ScriptedOpenAiServer s = new ScriptedOpenAiServer(http);
            http.createContext("/v1/chat/completions", s::handle);
            http.setExecutor(s.executor);
            http.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("start a scripted OpenAI-compatible server", e);
        }
    }

    /** @return the base URL a client is given, ending in {@code /v1} */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Queues replies, answered one per request in this order. */
    public ScriptedOpenAiServer then(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** The reply once the script is used up (default: HTTP 500). */
    public ScriptedOpenAiServer otherwise(Reply reply) {
        this.otherwise = reply;
        return this;
    }

    /** Forgets the script and the requests. */
    public void reset() {
        script.clear();
        requests.clear();
    }

    /** @return the request bodies received so far, oldest first */
    public List<String> requests() {
        return new ArrayList<>(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Reply reply = script.poll();
            if (reply == null) {
                reply = otherwise;
            }
            if (!reply.delay().isZero()) {
                try {
                    Thread.sleep(reply.delay());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            byte[] body = (reply.status() == 200 ? completion(reply.content())
                    : "{\"error\": {\"message\": \"scripted failure\", \"type\": \"server_error\"}}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            } catch (IOException e) {
                // the client gave up waiting (a timeout under test); nothing to answer
            }
        }
    }

    private static String completion(String content) {
        return "{\"id\": \"chatcmpl-scripted\", \"object\": \"chat.completion\", \"created\": 1700000000,"
                + " \"model\": \"scripted\", \"choices\": [{\"index\": 0, \"message\": {\"role\": \"assistant\","
                + " \"content\": " + quote(content) + "}, \"finish_reason\": \"stop\"}],"
                + " \"usage\": {\"prompt_tokens\": 1, \"completion_tokens\": 1, \"total_tokens\": 2}}";
    }

    /** @return {@code s} as a JSON string literal */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
