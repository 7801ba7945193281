package io.noetl.app.compat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Whether a playbook needs nothing outside this machine, read from its YAML: every step's tool (a single tool, or a
 * list of named tasks), loop cursors, keychain entries, workbook tasks it calls, and the sub-playbooks it starts,
 * followed recursively among the playbooks found.
 */
public final class SelfContainment {

    private final Map<String, PlaybookFile> byPath;
    private final Map<String, List<Dependency>> memo = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();

    /** @param byPath the playbooks a {@code kind: playbook} step may start, by catalog path */
    public SelfContainment(Map<String, PlaybookFile> byPath) {
        this.byPath = byPath;
    }

    /** @return what {@code playbook} needs from outside, one entry per reason and place; empty when self-contained */
    public List<Dependency> needs(PlaybookFile playbook) {
        String key = playbook.catalogPath() == null ? playbook.file().toString() : playbook.catalogPath();
        List<Dependency> known = memo.get(key);
        if (known != null) {
            return known;
        }
        if (!inProgress.add(key)) {
            return List.of(); // a cycle adds nothing the outer walk does not already see
        }
        List<Dependency> out = new ArrayList<>(KeychainCheck.keychain(playbook.tree().get("keychain")));
        WorkloadTemplate workload = new WorkloadTemplate(playbook.workload());
        for (Object s : playbook.workflow()) {
            if (s instanceof Map<?, ?> step) {
                out.addAll(step(playbook, step, workload));
            }
        }
        inProgress.remove(key);
        List<Dependency> distinct = distinct(out);
        memo.put(key, distinct);
        return distinct;
    }

    private List<Dependency> step(PlaybookFile playbook, Map<?, ?> step, WorkloadTemplate workload) {
        String where = "step " + step.get("step");
        List<Dependency> out = new ArrayList<>();
        Object tool = step.get("tool");
        if (tool instanceof List<?> tasks) {
            for (Object t : tasks) {
                if (t instanceof Map<?, ?> task) {
                    out.addAll(tool(playbook, where + " task " + label(task), task, workload, 0));
                }
            }
        } else if (tool instanceof Map<?, ?> single) {
            out.addAll(tool(playbook, where, single, workload, 0));
        } else if (tool != null) {
            out.addAll(tool(playbook, where, Map.of("kind", tool), workload, 0));
        }
        if (step.get("loop") instanceof Map<?, ?> loop && loop.get("cursor") instanceof Map<?, ?> cursor
                && cursor.get("kind") != null) {
            out.addAll(tool(playbook, where + " loop cursor", cursor, workload, 0));
        }
        return out;
    }

    private List<Dependency> tool(PlaybookFile playbook, String where, Map<?, ?> tool, WorkloadTemplate workload,
                                  int depth) {
        String kind = String.valueOf(tool.get("kind")).toLowerCase(Locale.ROOT).strip();
        return switch (kind) {
            case "playbook" -> subPlaybook(where, tool, workload);
            case "workbook" -> workbookTask(playbook, where, tool, workload, depth);
            default -> ToolCheck.local(where, kind, tool, workload);
        };
    }

    private List<Dependency> subPlaybook(String where, Map<?, ?> tool, WorkloadTemplate workload) {
        String written = Texts.text(tool, "path") != null ? Texts.text(tool, "path") : Texts.text(tool, "catalog_path");
        if (written == null) {
            return List.of(Dependency.at(where, "sub-playbook without a path", "playbook tool names no path"));
        }
        String path = PlaybookFile.normalize(workload.render(written));
        if (WorkloadTemplate.unresolved(path)) {
            return List.of(Dependency.at(where, "sub-playbook known only at run time", "starts " + written));
        }
        PlaybookFile child = byPath.get(path);
        if (child == null) {
            return List.of(Dependency.at(where, "sub-playbook not among the given folders", "starts " + path));
        }
        return needs(child).stream()
                .map(d -> new Dependency(d.reason(), where + " → " + path + " " + d.detail()))
                .toList();
    }

    private List<Dependency> workbookTask(PlaybookFile playbook, String where, Map<?, ?> tool,
                                          WorkloadTemplate workload, int depth) {
        String name = Texts.text(tool, "name") != null ? Texts.text(tool, "name") : Texts.text(tool, "task");
        Map<?, ?> task = workbook(playbook).get(name);
        if (task == null) {
            return List.of(Dependency.at(where, "workbook task not in the playbook", "calls workbook task " + name));
        }
        if (depth > 10) {
            return List.of();
        }
        Object inner = task.get("tool");
        Map<?, ?> taskTool = inner instanceof Map<?, ?> m ? m : inner != null ? Map.of("kind", inner) : task;
        return tool(playbook, where + " → workbook " + name, taskTool, workload, depth + 1);
    }

    private static Map<String, Map<?, ?>> workbook(PlaybookFile playbook) {
        Map<String, Map<?, ?>> tasks = new LinkedHashMap<>();
        if (playbook.tree().get("workbook") instanceof List<?> list) {
            for (Object t : list) {
                if (t instanceof Map<?, ?> task && task.get("name") != null) {
                    tasks.put(String.valueOf(task.get("name")), task);
                }
            }
        }
        return tasks;
    }

    private static String label(Map<?, ?> task) {
        Object name = task.get("name");
        return name == null ? String.valueOf(task.get("kind")) : String.valueOf(name);
    }

    private static List<Dependency> distinct(List<Dependency> all) {
        Map<String, Dependency> seen = new LinkedHashMap<>();
        all.forEach(d -> seen.putIfAbsent(d.detail(), d));
        return List.copyOf(seen.values());
    }
}
