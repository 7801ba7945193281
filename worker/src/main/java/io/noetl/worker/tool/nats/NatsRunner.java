package io.noetl.worker.tool.nats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.worker.tool.Auth;
import io.noetl.worker.tool.ToolCall;
import io.noetl.worker.tool.ToolOutcome;
import io.noetl.worker.tool.ToolRunner;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The {@code nats} tool (NoETL's nats tool: {@code operation} with its {@code bucket}, {@code key}, {@code value},
 * {@code subject}, {@code data}, {@code stream}, ...): key/value operations ({@link KvOperations}) and messages
 * ({@link MessageOperations}). It talks to {@code url} when set, or to the server of the credential named by
 * {@code auth} ({@code url}, {@code user}/{@code password} or {@code token}); otherwise, and when {@code auth} names
 * no credential this worker knows, to the worker's own NATS connection.
 */
public final class NatsRunner implements ToolRunner {

    private final Supplier<Connection> workerConnection;

    /** @param workerConnection the worker's connection, or a supplier of null when it has none */
    public NatsRunner(Supplier<Connection> workerConnection) {
        this.workerConnection = workerConnection;
    }

    @Override
    public String kind() {
        return "nats";
    }

    @Override
    public ToolOutcome run(ToolCall call) throws InterruptedException {
        Map<String, Object> config = call.config();
        String operation = config.get("operation") == null ? null
                : String.valueOf(config.get("operation")).trim().toLowerCase(Locale.ROOT);
        if (operation == null || operation.isEmpty()) {
            return ToolOutcome.Failed.fatal("ConfigError", "nats tool needs 'operation' (kv_get, kv_put, kv_delete, "
                    + "kv_keys, kv_purge, publish, request, js_publish, js_get_msg, js_stream_info)");
        }
        Connection own = null;
        try {
            Map<String, Object> server = server(call);
            Connection nc;
            if (server != null) {
                own = Nats.connect(options(server));
                nc = own;
            } else {
                nc = workerConnection.get();
                if (nc == null) {
                    return ToolOutcome.Failed.fatal("ConfigError", "nats tool needs 'url' (or an 'auth' credential "
                            + "with one): this worker has no NATS connection of its own to use");
                }
            }
            ObjectNode result = operation.startsWith("kv_") ? KvOperations.run(operation, nc, config)
                    : MessageOperations.run(operation, nc, config, call.timeout());
            return new ToolOutcome.Succeeded(result, null, Map.of("nats_connection", own == null ? "worker"
                    : "configured"));
        } catch (IllegalArgumentException e) {
            return ToolOutcome.Failed.fatal("ConfigError", e.getMessage());
        } catch (JetStreamApiException e) {
            boolean retriable = e.getErrorCode() == 503 || e.getErrorCode() == 408;
            String what = e.getErrorCode() == 404 && operation.startsWith("kv_") ? "the bucket does not exist ("
                    + e.getErrorDescription() + ")" : e.getErrorDescription();
            return ToolOutcome.Failed.of(new ErrorInfo("NatsError", "nats " + operation + where(config) + " failed: "
                    + what + " [" + e.getErrorCode() + "/" + e.getApiErrorCode() + "]", null, retriable));
        } catch (MessageOperations.NoRespondersException e) {
            return ToolOutcome.Failed.retriable("NatsError", e.getMessage());
        } catch (TimeoutException e) {
            return ToolOutcome.Failed.retriable("Timeout", "nats " + operation + ": " + e.getMessage());
        } catch (IOException e) {
            return call.stopped(null).map(ToolOutcome.class::cast).orElseGet(() -> ToolOutcome.Failed.retriable(
                    "ConnectionError", "nats " + operation + where(config) + " failed: " + e));
        } finally {
            close(own);
        }
    }

    /** {@code url} (or the credential of {@code auth}) as connection settings; null for the worker's connection. */
    private static Map<String, Object> server(ToolCall call) {
        for (String key : new String[] {"url", "servers", "server"}) {
            if (call.config().get(key) instanceof String url && !url.isBlank()) {
                return Map.of("url", url);
            }
        }
        String auth = Auth.nameOf(call.config().get("auth"));
        Object credential = auth == null ? null : call.auth().credential(auth).orElse(null);
        if (credential instanceof String url && url.contains("://")) {
            return Map.of("url", url);
        }
        if (credential instanceof Map<?, ?> m) {
            for (String key : new String[] {"url", "servers", "nats_url", "server"}) {
                if (m.get(key) instanceof String url && !url.isBlank()) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> settings = new java.util.HashMap<>((Map<String, Object>) m);
                    settings.put("url", url);
                    return settings;
                }
            }
        }
        return null;
    }

    private static Options options(Map<String, Object> server) {
        Options.Builder b = new Options.Builder().server(String.valueOf(server.get("url")))
                .connectionTimeout(Duration.ofSeconds(5)).maxReconnects(0).noReconnect();
        Object user = server.get("user") != null ? server.get("user") : server.get("username");
        if (user != null && server.get("password") != null) {
            b.userInfo(String.valueOf(user), String.valueOf(server.get("password")));
        } else if (server.get("token") != null) {
            b.token(String.valueOf(server.get("token")).toCharArray());
        }
        return b.build();
    }

    private static String where(Map<String, Object> config) {
        for (String key : new String[] {"bucket", "stream", "subject"}) {
            if (config.get(key) != null) {
                return " on " + key + " " + config.get(key);
            }
        }
        return "";
    }

    private static void close(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
