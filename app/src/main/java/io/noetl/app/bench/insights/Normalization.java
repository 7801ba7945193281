package io.noetl.app.bench.insights;

import io.noetl.schemas.error.ErrorClassifier;
import io.noetl.schemas.error.ErrorEvidence;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.event.Event;
import io.noetl.schemas.stream.Kinds;
import io.noetl.schemas.stream.NormalizedEvent;
import io.noetl.topology.template.TemplateMiner;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * What the topology makes of a raw event on its way to {@code noetl.events}, without Kafka: the canonical kind, the
 * producer's error class moved out of the error (the classifier's when it gave none), and the error template mined
 * from the message's first line by the topology's {@link TemplateMiner}, with the topology's template id (the first
 * 8 bytes of the SHA-256 of the template, in hex). One miner, as one stream task would have. Not thread-safe.
 */
final class Normalization {

    /** The topology's default cap on live templates. */
    private static final int MAX_TEMPLATES = 5000;
    /** Characters of the first message line the topology mines. */
    private static final int MAX_MINED_CHARS = 512;
    /** How long after its timestamp an event reaches the topology. */
    private static final long INGEST_DELAY_MS = 5;

    private final TemplateMiner miner = TemplateMiner.bounded(MAX_TEMPLATES);
    private final Map<String, String> ids = new HashMap<>();
    private final MessageDigest sha256;

    Normalization() {
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable for template ids", e);
        }
    }

    /** @return the event as the sink reads it from {@code noetl.events} */
    NormalizedEvent of(Event e) {
        ErrorInfo error = e.error();
        String errorClass = null;
        String templateId = null;
        String template = null;
        if (error != null) {
            errorClass = error.errorClass() != null ? error.errorClass() : ErrorClassifier.standard().classify(
                    new ErrorEvidence(error.type(), error.message(), null, e.toolKind(), error.stack())).wireName();
            error = new ErrorInfo(error.type(), error.message(), error.stack(), error.retriable());
            String head = head(error.message());
            if (head != null) {
                template = miner.mine(head).template();
                templateId = ids.computeIfAbsent(template, this::id);
            }
        }
        Instant ingested = e.timestamp().plusMillis(INGEST_DELAY_MS);
        return new NormalizedEvent(e.eventId(), e.executionId(), e.parentExecutionId(), e.parentEventId(),
                e.commandId(), e.playbookPath(), e.playbookVersion(), e.step(), e.toolKind(), e.eventType(),
                Kinds.of(e.eventType()), e.status(), e.timestamp(), ingested, e.durationMs(), e.attempt(),
                e.workerId(), e.result(), error, e.logs(), e.meta(), errorClass, templateId, template, null);
    }

    /** @return distinct templates mined so far */
    int templates() {
        return ids.size();
    }

    private String id(String template) {
        byte[] digest = sha256.digest(template.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 8);
    }

    private static String head(String message) {
        if (message == null) {
            return null;
        }
        for (String line : message.split("\\R", 8)) {
            String t = line.strip();
            if (!t.isEmpty()) {
                return t.length() > MAX_MINED_CHARS ? t.substring(0, MAX_MINED_CHARS) : t;
            }
        }
        return null;
    }
}
