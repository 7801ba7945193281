package io.noetl.app.compat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the templates that only read the workload ({@code {{ api_url }}}, {@code {{ workload.api_url }}},
 * {@code {{ x | default('https://...') }}}) before a run, to know which host or sub-playbook a step names. Anything
 * else (a step's result, an iterator) is known only at run time and stays as written.
 */
final class WorkloadTemplate {

    private static final Pattern EXPRESSION = Pattern.compile(
            "\\{\\{\\s*([A-Za-z_][\\w.]*)\\s*(?:\\|\\s*default\\(\\s*(['\"])(.*?)\\2\\s*\\))?\\s*}}");
    private static final int MAX_ROUNDS = 5;

    private final Map<String, Object> workload;

    WorkloadTemplate(Map<String, Object> workload) {
        this.workload = workload;
    }

    /** {@code text} with every workload expression replaced by its value (workload values may be templates too). */
    String render(String text) {
        String current = text;
        for (int round = 0; round < MAX_ROUNDS && current.contains("{{"); round++) {
            String next = renderOnce(current);
            if (next.equals(current)) {
                break;
            }
            current = next;
        }
        return current;
    }

    /** @return true when {@code text} still holds an expression after rendering */
    static boolean unresolved(String rendered) {
        return rendered.contains("{{") || rendered.contains("{%");
    }

    private String renderOnce(String text) {
        Matcher m = EXPRESSION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = lookup(m.group(1));
            String replacement = value != null ? String.valueOf(value) : m.group(3) != null ? m.group(3) : m.group();
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private Object lookup(String dotted) {
        String name = dotted.startsWith("workload.") ? dotted.substring("workload.".length()) : dotted;
        Object current = workload;
        for (String part : name.split("\\.")) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(part)) {
                return null;
            }
            current = map.get(part);
        }
        return current instanceof Map<?, ?> || current instanceof List<?> ? null : current;
    }
}
