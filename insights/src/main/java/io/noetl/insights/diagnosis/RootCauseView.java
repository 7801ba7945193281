package io.noetl.insights.diagnosis;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The root cause as answered.
 *
 * @param errorClass a class of DESIGN.md's taxonomy (wire name), or null when there is no error at all
 * @param step       the step it happened in, or null
 * @param summary    one or two sentences, grounded in the evidence
 * @param confidence 0..1: how strongly the evidence decides the class
 */
public record RootCauseView(
        @JsonProperty("class") @JsonInclude(JsonInclude.Include.ALWAYS) String errorClass,
        @JsonInclude(JsonInclude.Include.ALWAYS) String step,
        String summary,
        double confidence) {
}
