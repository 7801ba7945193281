package io.noetl.worker.tool.shell;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The commands of a {@code shell} tool as NoETL writes them: {@code cmds} (a list of commands, or one string that
 * may span several lines), or the single-string aliases {@code cmd} and {@code command}.
 */
final class ShellCommands {

    private ShellCommands() {
    }

    /**
     * The commands to run in order; empty when none is configured.
     *
     * @throws IllegalArgumentException when {@code cmds} holds something other than strings
     */
    static List<String> of(Map<String, Object> config) {
        Object cmds = config.get("cmds");
        if (cmds instanceof Collection<?> list) {
            List<String> out = new ArrayList<>(list.size());
            int i = 0;
            for (Object item : list) {
                if (item instanceof Map<?, ?> || item instanceof Collection<?>) {
                    throw new IllegalArgumentException("shell 'cmds[" + i + "]' must be a command string, got "
                            + (item instanceof Map<?, ?> ? "a mapping" : "a list"));
                }
                if (item != null && !String.valueOf(item).isBlank()) {
                    out.add(String.valueOf(item));
                }
                i++;
            }
            return out;
        }
        for (String key : new String[] {"cmds", "cmd", "command"}) {
            if (config.get(key) instanceof String s && !s.isBlank()) {
                return List.of(s);
            }
        }
        return List.of();
    }

    /** The first non-blank line of {@code command}, cut to 120 characters: how a command is named in messages. */
    static String preview(String command) {
        String first = command.strip().lines().findFirst().orElse("");
        return first.length() <= 120 ? first : first.substring(0, 120) + "…";
    }
}
