package io.noetl.insights.generate;

import io.noetl.insights.generate.Action.Kind;
import io.noetl.insights.generate.DescriptionReader.Part;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The steps of the nearest registered playbooks, as a composed playbook draws on them. */
final class Nearest {

    /** A step of a near playbook an action matches: its name and tool kind (or null). */
    record Match(String name, String toolKind) {
    }

    private static final Pattern ENTRY = Pattern.compile("^([A-Za-z][A-Za-z0-9_]*)(?: \\(([a-z_]+)\\))?$");

    private final List<NearPlaybook> playbooks;

    Nearest(List<NearPlaybook> playbooks) {
        this.playbooks = playbooks;
    }

    /**
     * The first step of the nearest playbooks whose name's words are all in the action's words (or two of them);
     * its name is then taken.
     */
    Match match(Action a, Set<String> taken) {
        Set<String> words = new HashSet<>(Names.words(a.text()));
        for (NearPlaybook p : playbooks) {
            for (String entry : p.steps()) {
                Matcher m = ENTRY.matcher(entry.strip());
                if (!m.matches() || taken.contains(m.group(1))) {
                    continue;
                }
                List<String> name = List.of(m.group(1).toLowerCase(Locale.ROOT).split("_"));
                long shared = name.stream().filter(words::contains).count();
                if (shared >= 2 || shared == name.size()) {
                    taken.add(m.group(1));
                    return new Match(m.group(1), m.group(2));
                }
            }
        }
        return null;
    }

    /** The nearest playbook's steps (but start and end) as actions, for a description that names none. */
    List<Part> skeleton() {
        List<Part> out = new ArrayList<>();
        if (playbooks.isEmpty()) {
            return out;
        }
        for (String entry : playbooks.getFirst().steps()) {
            Matcher m = ENTRY.matcher(entry.strip());
            if (m.matches() && !m.group(1).equals("start") && !m.group(1).equals("end")) {
                out.add(new DescriptionReader.Step(new Action(m.group(1).replace('_', ' '), kind(m.group(2)), false,
                        null, null)));
            }
        }
        return out;
    }

    private static Kind kind(String tool) {
        if (tool == null) {
            return Kind.COMPUTE;
        }
        return switch (tool) {
            case "http" -> Kind.FETCH;
            case "postgres", "duckdb" -> Kind.QUERY;
            case "shell" -> Kind.SHELL;
            default -> Kind.COMPUTE;
        };
    }
}
