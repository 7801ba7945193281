package io.noetl.sink.analytics;

import java.util.HashMap;
import java.util.Map;

/**
 * The most frequent error class of each fingerprint, from per-(template, class) counts; a tie goes to the class
 * first in alphabetical order, so every store names the same class.
 */
public final class ErrorClassCounts {

    private final Map<String, String> best = new HashMap<>();
    private final Map<String, Long> bestCount = new HashMap<>();

    /**
     * Adds one count.
     *
     * @param r a row with {@code template_id}, {@code error_class} (not null) and {@code n}
     */
    public void add(StoredRow r) {
        String template = r.text("template_id");
        String errorClass = r.text("error_class");
        long n = r.number("n");
        Long top = bestCount.get(template);
        if (top == null || n > top || (n == top && errorClass.compareTo(best.get(template)) < 0)) {
            best.put(template, errorClass);
            bestCount.put(template, n);
        }
    }

    /** @return the most frequent class of a template, or null when none of its errors had a class */
    public String of(String templateId) {
        return best.get(templateId);
    }
}
