package io.noetl.schemas.playbook;

import io.noetl.schemas.template.Templates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code next:} in any spelling users write, into one list of arcs:
 * <ul>
 *   <li>a list of {@code {step, when, args}} (or bare step names);</li>
 *   <li>the {@code when}/{@code then} list of NoETL's docs, with {@code else} as the fallback;</li>
 *   <li>{@code {spec: {mode: exclusive|inclusive}, arcs: [...]}};</li>
 *   <li>a bare step name ({@code next: end}).</li>
 * </ul>
 */
final class NextParser {

    /**
     * An arc and the path of the field naming its target, for messages about unknown steps.
     */
    record Located(Arc arc, String targetPath) {
    }

    /** The arcs of one step and the mode they are taken in. */
    record Parsed(Next next, List<Located> arcs) {
        static final Parsed NONE = new Parsed(Next.NONE, List.of());
    }

    private static final Set<String> ARC_KEYS = Set.of("step", "when", "args", "data", "set", "spec", "cond");

    private final Fields fields;

    NextParser(Fields fields) {
        this.fields = fields;
    }

    Parsed parse(Object value, String path) {
        if (value == null) {
            return Parsed.NONE;
        }
        List<Located> arcs = new ArrayList<>();
        Next.Mode mode = Next.Mode.EXCLUSIVE;
        switch (value) {
            case String name -> named(name, path, arcs);
            case List<?> list -> arcList(list, path, arcs);
            case Map<?, ?> map when map.containsKey("arcs") || map.containsKey("spec") -> {
                Map<String, Object> m = fields.map(value, path);
                fields.unknownKeys(m, path, Set.of("spec", "arcs"), "a next router");
                String specPath = Diagnostics.key(path, "spec");
                Map<String, Object> spec = fields.map(m.get("spec"), specPath);
                fields.unknownKeys(spec, specPath, Set.of("mode", "policy", "on_no_match"), "a next router's spec");
                if (spec != null) {
                    mode = fields.enumValue(spec.get("mode"), Diagnostics.key(specPath, "mode"), Next.Mode.class, mode);
                }
                String arcsPath = Diagnostics.key(path, "arcs");
                List<Object> list = fields.list(m.get("arcs"), arcsPath);
                if (list != null) {
                    arcList(list, arcsPath, arcs);
                }
            }
            case Map<?, ?> map -> entry(fields.map(value, path), path, arcs);
            default -> fields.problem(path, "must be a list of arcs, {spec, arcs}, or a step name, got "
                    + Fields.describe(value));
        }
        return new Parsed(new Next(mode, arcs.stream().map(Located::arc).toList()), List.copyOf(arcs));
    }

    private void arcList(List<?> list, String path, List<Located> out) {
        for (int i = 0; i < list.size(); i++) {
            String itemPath = Diagnostics.index(path, i);
            Object item = list.get(i);
            switch (item) {
                case String name -> named(name, itemPath, out);
                case Map<?, ?> map -> entry(fields.map(item, itemPath), itemPath, out);
                default -> fields.problem(itemPath, "an arc must be a mapping ({step, when, args}) or a step name, got "
                        + Fields.describe(item));
            }
        }
    }

    private void entry(Map<String, Object> m, String path, List<Located> out) {
        if (m.containsKey("then")) {
            String when = condition(m.get("when"), Diagnostics.key(path, "when"));
            targets(m.get("then"), Diagnostics.key(path, "then"), when, out);
        } else if (m.containsKey("else")) {
            targets(m.get("else"), Diagnostics.key(path, "else"), null, out);
        } else if (m.containsKey("step")) {
            String when = condition(m.get("when"), Diagnostics.key(path, "when"));
            arc(m, path, when, out);
        } else {
            fields.problem(path, "an arc needs 'step' (or 'when' with 'then', or 'else')");
        }
    }

    /** The entries of {@code then:} or {@code else:}, each becoming an arc with the same condition. */
    private void targets(Object value, String path, String when, List<Located> out) {
        List<?> list = value instanceof List<?> l ? l : value == null ? null : List.of(value);
        if (list == null || list.isEmpty()) {
            fields.problem(path, "must list at least one {step, args}");
            return;
        }
        boolean single = !(value instanceof List<?>);
        for (int i = 0; i < list.size(); i++) {
            String itemPath = single ? path : Diagnostics.index(path, i);
            Object item = list.get(i);
            switch (item) {
                case String name -> named(name, when, itemPath, out);
                case Map<?, ?> map when map.containsKey("step") -> arc(fields.map(item, itemPath), itemPath, when, out);
                default -> fields.problem(itemPath, "must be {step, args} or a step name, got " + Fields.describe(item));
            }
        }
    }

    private void arc(Map<String, Object> m, String path, String when, List<Located> out) {
        fields.unknownKeys(m, path, ARC_KEYS, "an arc");
        String targetPath = Diagnostics.key(path, "step");
        String step = fields.required(m, "step", path, "the step this arc leads to");
        // NoETL's older playbooks pass the arc's payload as 'data'
        String argsKey = m.containsKey("args") || !m.containsKey("data") ? "args" : "data";
        Map<String, Object> args = fields.mapOrEmpty(m.get(argsKey), Diagnostics.key(path, argsKey));
        Map<String, Object> set = fields.mapOrEmpty(m.get("set"), Diagnostics.key(path, "set"));
        if (when == null && m.get("cond") instanceof String cond && !cond.isBlank()) {
            fields.diagnostics().warn(Diagnostics.key(path, "cond"), "'cond' is a legacy spelling of 'when'; read as one");
            when = Templates.isTemplate(cond) ? cond : "{{ " + cond + " }}";
        }
        if (step != null) {
            out.add(new Located(new Arc(step, blankToNull(when), args, line(path), set), targetPath));
        }
    }

    private void named(String name, String path, List<Located> out) {
        named(name, null, path, out);
    }

    private void named(String name, String when, String path, List<Located> out) {
        if (name.isBlank()) {
            fields.problem(path, "an arc needs a step name");
            return;
        }
        out.add(new Located(new Arc(name, blankToNull(when), Map.of(), line(path)), path));
    }

    /** A condition: a template, or a YAML boolean ({@code when: true}). */
    private String condition(Object value, String path) {
        return value instanceof Boolean b ? "{{ " + b + " }}" : fields.string(value, path);
    }

    private int line(String path) {
        return fields.diagnostics().line(path);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
