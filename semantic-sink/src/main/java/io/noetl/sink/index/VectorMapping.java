package io.noetl.sink.index;

import io.noetl.schemas.stream.ExecutionTrace;
import io.noetl.schemas.stream.Kinds;
import io.noetl.schemas.stream.NormalizedEvent;
import io.noetl.schemas.stream.RootError;
import io.noetl.schemas.stream.StepTrace;
import io.noetl.stores.embed.EmbeddingInput;
import io.noetl.stores.vector.Collections;
import io.noetl.stores.vector.Payload;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** How events and traces become points of the failure, execution and playbook collections. */
final class VectorMapping {

    /** Separates the step list from the head of a playbook point's text. */
    static final String STEPS_MARK = " | steps: ";

    private VectorMapping() {
    }

    /**
     * @return the failure point of an {@code error} event, empty for any other kind
     * @throws IllegalArgumentException when an error event has no event id
     */
    static Optional<PointDraft> failure(NormalizedEvent e, ConsumerRecord<byte[], byte[]> source) {
        if (!Kinds.ERROR.equals(e.kind())) {
            return Optional.empty();
        }
        if (blank(e.eventId())) {
            throw new IllegalArgumentException("error event without event_id");
        }
        String message = e.error() == null ? null : e.error().message();
        String type = e.error() == null ? null : e.error().type();
        EmbeddingInput input = EmbeddingInput.failure(e.templateId(), e.template(), message, e.step(), e.toolKind(),
                e.errorClass() != null ? e.errorClass() : type);
        Payload payload = Payload.builder()
                .key(e.eventId())
                .executionId(e.executionId())
                .playbook(e.playbookPath())
                .step(e.step())
                .errorClass(e.errorClass())
                .templateId(e.templateId())
                .status(e.status())
                .time(e.timestamp())
                .text(input.text())
                .build();
        return Optional.of(new PointDraft(Collections.FAILURES, payload, input, source));
    }

    /**
     * @return the execution point of a trace
     * @throws IllegalArgumentException when the trace has no execution id
     */
    static PointDraft execution(ExecutionTrace t, ConsumerRecord<byte[], byte[]> source) {
        if (blank(t.executionId())) {
            throw new IllegalArgumentException("trace without execution_id");
        }
        RootError root = t.rootError();
        StringJoiner text = new StringJoiner(" | ");
        add(text, "playbook ", t.playbookPath());
        add(text, "status ", t.status());
        add(text, "failed step ", t.failedStep());
        if (root != null) {
            add(text, "", root.template());
            add(text, "", root.message());
        }
        if (t.criticalPath() != null && !t.criticalPath().isEmpty()) {
            add(text, "critical path ", String.join(" > ", t.criticalPath()));
        }
        String templateId = root == null ? null : root.templateId();
        Payload payload = Payload.builder()
                .key(t.executionId())
                .executionId(t.executionId())
                .playbook(t.playbookPath())
                .step(t.failedStep())
                .errorClass(root == null ? null : root.errorClass())
                .templateId(templateId)
                .status(t.status())
                .time(firstNonNull(t.endedAt(), t.lastEventAt(), t.startedAt()))
                .text(text.toString())
                .build();
        return new PointDraft(Collections.EXECUTIONS, payload, new EmbeddingInput(templateId, text.toString()), source);
    }

    /** @return the business key of a playbook version's point, e.g. {@code data/load@v2} */
    static String playbookKey(String path, Integer version) {
        return version == null ? path : path + "@v" + version;
    }

    /** @return the "step (tool)" entries of a trace, in its order */
    static List<String> stepEntries(ExecutionTrace t) {
        List<String> out = new ArrayList<>();
        if (t.steps() != null) {
            for (StepTrace s : t.steps()) {
                if (s != null && !blank(s.step())) {
                    out.add(s.toolKind() == null ? s.step() : s.step() + " (" + s.toolKind() + ")");
                }
            }
        }
        return out;
    }

    /** @return the step entries of a playbook point's text (inverse of {@link #playbook}) */
    static List<String> stepEntries(String playbookText) {
        if (playbookText == null) {
            return List.of();
        }
        int at = playbookText.indexOf(STEPS_MARK);
        if (at < 0) {
            return List.of();
        }
        String list = playbookText.substring(at + STEPS_MARK.length());
        return list.isEmpty() ? List.of() : List.of(list.split(", "));
    }

    /**
     * @param steps step entries, merged over every trace of this playbook version seen so far
     * @param time  the latest time a trace of it was seen
     * @return the point of one playbook version
     */
    static PointDraft playbook(String path, Integer version, List<String> steps, Instant time,
            ConsumerRecord<byte[], byte[]> source) {
        String head = "playbook " + path + (version == null ? "" : " v" + version);
        String text = head + STEPS_MARK + String.join(", ", steps);
        Payload payload = Payload.builder()
                .key(playbookKey(path, version))
                .playbook(path)
                .time(time)
                .text(text)
                .build();
        return new PointDraft(Collections.PLAYBOOKS, payload, EmbeddingInput.of(text), source);
    }

    /** @return {@code into} with the entries of {@code more} it lacks appended, in order */
    static List<String> union(List<String> into, List<String> more) {
        Map<String, Boolean> seen = new LinkedHashMap<>();
        into.forEach(s -> seen.put(s, true));
        more.forEach(s -> seen.putIfAbsent(s, true));
        return List.copyOf(seen.keySet());
    }

    static Instant firstNonNull(Instant... instants) {
        for (Instant i : instants) {
            if (i != null) {
                return i;
            }
        }
        return null;
    }

    static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static void add(StringJoiner j, String label, String value) {
        if (!blank(value)) {
            j.add(label + value);
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
