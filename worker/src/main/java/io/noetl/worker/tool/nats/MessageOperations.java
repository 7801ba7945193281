package io.noetl.worker.tool.nats;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.Message;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import io.nats.client.api.StreamState;
import io.nats.client.impl.NatsMessage;
import io.noetl.schemas.Json;
import io.noetl.schemas.playbook.Durations;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Messages: {@code publish} (core NATS), {@code request} (request-reply; the reply's {@code data} and
 * {@code headers}), {@code js_publish} ({@code {stream, seq, duplicate}}), {@code js_get_msg} (by {@code seq}, the
 * {@code last} of the stream, or the last on {@code subject}), {@code js_stream_info} ({@code config} and
 * {@code state}).
 */
final class MessageOperations {

    private static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private MessageOperations() {
    }

    static ObjectNode run(String operation, Connection nc, Map<String, Object> config, Duration limit)
            throws IOException, JetStreamApiException, InterruptedException, TimeoutException {
        ObjectNode result = Json.object();
        result.put("status", "success");
        switch (operation) {
            case "publish" -> {
                String subject = NatsConfig.required(config, "subject", operation);
                byte[] data = Payloads.encode(config.containsKey("data") ? config.get("data") : config.get("value"));
                nc.publish(NatsMessage.builder().subject(subject).headers(Payloads.headers(config.get("headers")))
                        .data(data).build());
                nc.flush(limit);
                result.put("subject", subject);
                result.put("bytes", data.length);
            }
            case "request" -> {
                String subject = NatsConfig.required(config, "subject", operation);
                Duration timeout = config.get("timeout") == null ? DEFAULT_REQUEST_TIMEOUT
                        : Duration.ofMillis(Durations.toMillis(config.get("timeout")));
                timeout = timeout.compareTo(limit) < 0 ? timeout : limit;
                Message reply = request(nc, subject, config, timeout);
                result.put("subject", subject);
                result.set("data", Payloads.decode(reply.getData()));
                result.set("headers", Json.toTree(Payloads.headers(reply.getHeaders())));
            }
            case "js_publish" -> {
                String subject = NatsConfig.required(config, "subject", operation);
                PublishAck ack = nc.jetStream().publish(subject, Payloads.headers(config.get("headers")),
                        Payloads.encode(config.containsKey("data") ? config.get("data") : config.get("value")));
                result.put("stream", ack.getStream());
                result.put("seq", ack.getSeqno());
                result.put("duplicate", ack.isDuplicate());
            }
            case "js_get_msg" -> message(nc, NatsConfig.required(config, "stream", operation), config, result);
            case "js_stream_info" -> streamInfo(nc.jetStreamManagement().getStreamInfo(
                    NatsConfig.required(config, "stream", operation)), result);
            default -> throw new IllegalArgumentException("unknown operation " + operation);
        }
        return result;
    }

    private static Message request(Connection nc, String subject, Map<String, Object> config, Duration timeout)
            throws InterruptedException, TimeoutException {
        Message request = NatsMessage.builder().subject(subject).headers(Payloads.headers(config.get("headers")))
                .data(Payloads.encode(config.containsKey("data") ? config.get("data") : config.get("value"))).build();
        Message reply;
        try {
            reply = nc.request(request, timeout);
        } catch (IllegalStateException e) {
            throw new NoRespondersException(subject, e);
        }
        if (reply == null) {
            throw new TimeoutException("request on " + subject + ": no reply within " + timeout.toMillis() + " ms");
        }
        if (reply.isStatusMessage() && reply.getStatus().getCode() == 503) {
            throw new NoRespondersException(subject, null);
        }
        return reply;
    }

    private static void message(Connection nc, String stream, Map<String, Object> config, ObjectNode result)
            throws IOException, JetStreamApiException {
        MessageInfo info;
        if (Boolean.TRUE.equals(config.get("last")) || "true".equals(String.valueOf(config.get("last")))) {
            info = nc.jetStreamManagement().getLastMessage(stream, config.get("subject") == null ? ">"
                    : String.valueOf(config.get("subject")));
        } else if (config.get("seq") != null) {
            info = nc.jetStreamManagement().getMessage(stream, Long.parseLong(String.valueOf(config.get("seq"))));
        } else if (config.get("subject") != null) {
            info = nc.jetStreamManagement().getLastMessage(stream, String.valueOf(config.get("subject")));
        } else {
            throw new IllegalArgumentException("nats js_get_msg needs 'seq', 'last: true' or 'subject'");
        }
        result.put("stream", stream);
        result.put("subject", info.getSubject());
        result.put("seq", info.getSeq());
        result.set("data", Payloads.decode(info.getData()));
        result.put("time", info.getTime() == null ? null : info.getTime().toString());
        result.set("headers", Json.toTree(Payloads.headers(info.getHeaders())));
    }

    private static void streamInfo(StreamInfo info, ObjectNode result) {
        StreamConfiguration c = info.getConfiguration();
        StreamState s = info.getStreamState();
        result.put("stream", c.getName());
        ObjectNode config = result.putObject("config");
        config.put("name", c.getName());
        config.set("subjects", Json.toTree(c.getSubjects()));
        config.put("retention", String.valueOf(c.getRetentionPolicy()));
        config.put("max_msgs", c.getMaxMsgs());
        config.put("max_bytes", c.getMaxBytes());
        config.put("max_age", c.getMaxAge() == null ? 0 : c.getMaxAge().toSeconds());
        ObjectNode state = result.putObject("state");
        state.put("messages", s.getMsgCount());
        state.put("bytes", s.getByteCount());
        state.put("first_seq", s.getFirstSequence());
        state.put("last_seq", s.getLastSequence());
        state.put("consumer_count", s.getConsumerCount());
    }

    /** Nobody listens on a request's subject. */
    static final class NoRespondersException extends RuntimeException {
        NoRespondersException(String subject, Throwable cause) {
            super("request on " + subject + ": no responders", cause);
        }
    }
}
