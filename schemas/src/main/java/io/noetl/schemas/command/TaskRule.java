package io.noetl.schemas.command;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One rule of a task's policy as a worker gets it: evaluated top to bottom after the task ran, the first rule whose
 * {@code when} is true (or that has none: an {@code else:}) decides what the pipeline does next. NoETL's semantics
 * (docs: {@code reference/dsl/spec.md} §12): {@code when} sees the task's outcome as {@code outcome} and as
 * {@code output} ({@code status: ok|error}, {@code data}/{@code result}, {@code error}, {@code http.status}), and the
 * pipeline locals {@code _prev}, {@code _task}, {@code _attempt}, {@code iter}, {@code ctx}.
 *
 * @param when     condition template, or null for a rule that always matches
 * @param action   {@code continue} (next task; {@code _prev} becomes this task's result), {@code retry} (run the task
 *                 again, up to {@code attempts} in all), {@code jump} (go on at task {@code to}), {@code break} (end
 *                 the pipeline successfully), {@code fail} (end it with the task's error)
 * @param attempts total attempts including the first (retry), or null
 * @param backoff  {@code fixed}, {@code linear} or {@code exponential} (retry), or null
 * @param delayMs  base delay between attempts in ms (retry), or null
 * @param to       target task name (jump), or null
 * @param set      scoped writes when the rule is taken: keys {@code ctx.<k>}, {@code iter.<k>}, {@code step.<k>} or a
 *                 bare key (meaning {@code ctx}), values as written (templates unrendered); null when none
 */
public record TaskRule(
        String when,
        @JsonProperty("do") String action,
        Integer attempts,
        String backoff,
        Long delayMs,
        String to,
        JsonNode set) {
}
