package io.noetl.insights.similar;

import java.time.Instant;

/**
 * What fixed a failure.
 *
 * @param text what was done
 * @param by   who recorded it, or null
 * @param at   when it was recorded
 */
public record Resolution(String text, String by, Instant at) {
}
