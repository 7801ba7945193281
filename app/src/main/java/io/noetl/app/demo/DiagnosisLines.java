package io.noetl.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A diagnosis in a few lines for the terminal: class, failing step, summary, the first recommendation. */
final class DiagnosisLines {

    private static final int WIDTH = 110;

    private DiagnosisLines() {
    }

    static List<String> of(String path, JsonNode d) {
        List<String> lines = new ArrayList<>();
        JsonNode cause = d.path("root_cause");
        lines.add("");
        lines.add(String.format(Locale.ROOT, "why did %s fail? (execution %s)", path, d.path("execution_id").asText()));
        lines.add(String.format(Locale.ROOT, "  %s at step %s (confidence %.2f, %s reasoner)",
                cause.path("class").asText("?"), d.path("failed_step").asText("?"),
                cause.path("confidence").asDouble(), d.path("reasoner").asText("?")));
        wrap("  ", cause.path("summary").asText(""), lines);
        JsonNode first = d.path("recommendations").path(0);
        if (!first.isMissingNode()) {
            wrap("  recommend: ", first.path("action").asText(), lines);
            wrap("  because:   ", first.path("why").asText(), lines);
        }
        if (d.path("missing").size() > 0) {
            lines.add("  (not read: " + d.path("missing") + ")");
        }
        return lines;
    }

    private static void wrap(String lead, String text, List<String> out) {
        String indent = " ".repeat(lead.length());
        StringBuilder line = new StringBuilder(lead);
        for (String word : text.split("\\s+")) {
            if (line.length() + word.length() + 1 > WIDTH && line.length() > lead.length()) {
                out.add(line.toString());
                line = new StringBuilder(indent);
            }
            if (line.length() > indent.length() && !line.toString().endsWith(" ")) {
                line.append(' ');
            }
            line.append(word);
        }
        out.add(line.toString());
    }
}
