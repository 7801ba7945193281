package io.noetl.insights.ask;

/**
 * An evidence item an answer cites.
 *
 * @param id   its id: an event id, an execution id, or the id of a summary row ({@code latency:<playbook>/<step>}, ...)
 * @param kind what it is ({@code error}, {@code execution}, {@code failure}, {@code step_latency}, ...)
 */
public record Citation(String id, String kind) {
}
