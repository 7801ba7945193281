package io.noetl.worker.tool.nats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import io.noetl.schemas.Json;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * NoETL's key/value operations on a JetStream KV bucket: {@code kv_get} ({@code {status: success|not_found, bucket,
 * key, value, revision, created}}), {@code kv_put} (the bucket is created when missing; {@code {status, bucket, key,
 * revision}}), {@code kv_delete}, {@code kv_purge}, {@code kv_keys} ({@code pattern} as a glob; {@code {keys, count}}).
 */
final class KvOperations {

    private KvOperations() {
    }

    static ObjectNode run(String operation, Connection nc, Map<String, Object> config)
            throws IOException, JetStreamApiException, InterruptedException {
        String bucket = NatsConfig.required(config, "bucket", operation);
        ObjectNode result = Json.object();
        result.put("status", "success");
        result.put("bucket", bucket);
        switch (operation) {
            case "kv_get" -> {
                String key = NatsConfig.required(config, "key", operation);
                KeyValueEntry entry = existing(nc, bucket).get(key);
                result.put("key", key);
                if (entry == null || entry.getOperation() != KeyValueOperation.PUT) {
                    result.put("status", "not_found");
                    result.putNull("value");
                } else {
                    result.set("value", Payloads.decode(entry.getValue()));
                    result.put("revision", entry.getRevision());
                    result.put("created", entry.getCreated() == null ? null : entry.getCreated().toString());
                }
            }
            case "kv_put" -> {
                String key = NatsConfig.required(config, "key", operation);
                result.put("key", key);
                result.put("revision", bucket(nc, bucket).put(key, Payloads.encode(config.get("value"))));
            }
            case "kv_delete" -> {
                String key = NatsConfig.required(config, "key", operation);
                existing(nc, bucket).delete(key);
                result.put("key", key);
            }
            case "kv_purge" -> {
                String key = NatsConfig.required(config, "key", operation);
                existing(nc, bucket).purge(key);
                result.put("key", key);
            }
            case "kv_keys" -> {
                List<String> keys = existing(nc, bucket).keys();
                Object pattern = config.get("pattern");
                if (pattern != null) {
                    Pattern glob = glob(String.valueOf(pattern));
                    keys = keys.stream().filter(k -> glob.matcher(k).matches()).toList();
                }
                result.set("keys", Json.toTree(keys));
                result.put("count", keys.size());
            }
            default -> throw new IllegalArgumentException("unknown kv operation " + operation);
        }
        return result;
    }

    /** A shell-style pattern ({@code *} any run of characters, {@code ?} one) as a regular expression. */
    static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString());
    }

    /** The bucket; a JetStream 404 when it does not exist (jnats itself would say only that a read failed). */
    private static KeyValue existing(Connection nc, String bucket) throws IOException, JetStreamApiException {
        nc.jetStreamManagement().getStreamInfo("KV_" + bucket);
        return nc.keyValue(bucket);
    }

    /** The bucket, created with default settings when it does not exist yet. */
    private static KeyValue bucket(Connection nc, String bucket) throws IOException, JetStreamApiException {
        try {
            nc.jetStreamManagement().getStreamInfo("KV_" + bucket);
        } catch (JetStreamApiException e) {
            if (e.getErrorCode() != 404) {
                throw e;
            }
            nc.keyValueManagement().create(KeyValueConfiguration.builder().name(bucket).build());
        }
        return nc.keyValue(bucket);
    }
}
