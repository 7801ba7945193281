package io.noetl.stores.vector;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * What a point carries besides its vector. Every field may be null.
 *
 * @param key         the business key the point id derives from (event id, execution id, playbook path)
 * @param executionId execution the point belongs to
 * @param playbook    playbook path
 * @param step        step name
 * @param errorClass  wire name of the error class ({@code timeout}, {@code connection}, ...)
 * @param templateId  error template id
 * @param status      execution or step status
 * @param time        when it happened (filters use millisecond precision)
 * @param resolution  what resolved the failure, once known
 * @param text        the redacted text that was embedded, for display as evidence
 */
public record Payload(String key, String executionId, String playbook, String step, String errorClass,
        String templateId, String status, Instant time, String resolution, String text) {

    /** A payload with no field set. */
    public static final Payload EMPTY = new Payload(null, null, null, null, null, null, null, null, null, null);

    /** @return a builder starting from no field set */
    public static Builder builder() {
        return new Builder(EMPTY);
    }

    /** @return a builder starting from this payload's fields */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** @return the payload's size as the stores count it: UTF-8 bytes of its strings plus 8 for a time */
    public int sizeBytes() {
        int size = time == null ? 0 : 8;
        for (String s : new String[] {key, executionId, playbook, step, errorClass, templateId, status, resolution,
                text}) {
            size += s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
        }
        return size;
    }

    /** Builds a {@link Payload} field by field. */
    public static final class Builder {
        private String key;
        private String executionId;
        private String playbook;
        private String step;
        private String errorClass;
        private String templateId;
        private String status;
        private Instant time;
        private String resolution;
        private String text;

        private Builder(Payload p) {
            key = p.key;
            executionId = p.executionId;
            playbook = p.playbook;
            step = p.step;
            errorClass = p.errorClass;
            templateId = p.templateId;
            status = p.status;
            time = p.time;
            resolution = p.resolution;
            text = p.text;
        }

        public Builder key(String v) {
            key = v;
            return this;
        }

        public Builder executionId(String v) {
            executionId = v;
            return this;
        }

        public Builder playbook(String v) {
            playbook = v;
            return this;
        }

        public Builder step(String v) {
            step = v;
            return this;
        }

        public Builder errorClass(String v) {
            errorClass = v;
            return this;
        }

        public Builder templateId(String v) {
            templateId = v;
            return this;
        }

        public Builder status(String v) {
            status = v;
            return this;
        }

        public Builder time(Instant v) {
            time = v;
            return this;
        }

        public Builder resolution(String v) {
            resolution = v;
            return this;
        }

        public Builder text(String v) {
            text = v;
            return this;
        }

        public Payload build() {
            return new Payload(key, executionId, playbook, step, errorClass, templateId, status, time, resolution,
                    text);
        }
    }
}
