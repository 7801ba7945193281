package io.noetl.schemas.playbook;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * YAML text composed into plain Java values (ordered maps, lists, strings, numbers, booleans, null) while the
 * line of every dotted path is recorded in {@link Diagnostics}. Composing (not loading) keeps the start mark of
 * every node, which plain {@code Yaml.load} throws away.
 */
final class YamlTree {

    private static final int MAX_DEPTH = 200;

    /**
     * @param wellFormed false when the text is not YAML (the problem is already recorded)
     * @param root       the document as plain Java values; null for an empty document
     */
    record Result(boolean wellFormed, Object root) {
    }

    private final Diagnostics diagnostics;
    private final ScalarConstructor scalars = new ScalarConstructor();
    private final Set<Node> inProgress = Collections.newSetFromMap(new IdentityHashMap<>());

    private YamlTree(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    static Result compose(String yaml, Diagnostics diagnostics) {
        Node node;
        try {
            node = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(yaml == null ? "" : yaml));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
            diagnostics.add("", mark == null ? 0 : mark.getLine() + 1, "malformed YAML: " + e.getProblem() + context);
            return new Result(false, null);
        } catch (YAMLException e) {
            diagnostics.add("", 0, "malformed YAML: " + e.getMessage());
            return new Result(false, null);
        }
        if (node == null) {
            return new Result(true, null);
        }
        return new Result(true, new YamlTree(diagnostics).convert(node, "", 0));
    }

    private Object convert(Node node, String path, int depth) {
        diagnostics.recordLine(path, node.getStartMark().getLine() + 1);
        if (depth > MAX_DEPTH || !inProgress.add(node)) {
            diagnostics.add(path, "nested too deeply (or a recursive alias)");
            return null;
        }
        try {
            return switch (node) {
                case MappingNode m -> mapping(m, path, depth);
                case SequenceNode s -> sequence(s, path, depth);
                case ScalarNode s -> scalars.scalar(s);
                default -> null;
            };
        } finally {
            inProgress.remove(node);
        }
    }

    private Map<String, Object> mapping(MappingNode node, String path, int depth) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new LinkedHashMap<>();
        List<Map<String, Object>> merged = new ArrayList<>();
        for (NodeTuple tuple : node.getValue()) {
            Node keyNode = tuple.getKeyNode();
            int keyLine = keyNode.getStartMark().getLine() + 1;
            if (keyNode.getTag().equals(Tag.MERGE)) {
                merged.addAll(mergeSources(tuple.getValueNode(), path, depth));
                continue;
            }
            if (!(keyNode instanceof ScalarNode scalarKey)) {
                diagnostics.add(path, keyLine, "keys must be plain strings");
                continue;
            }
            String key = scalarKey.getValue();
            String child = Diagnostics.key(path, key);
            Integer first = keyLines.putIfAbsent(key, keyLine);
            if (first != null) {
                diagnostics.add(child, keyLine, "duplicate key '" + key + "' (first at line " + first + ")");
                continue;
            }
            diagnostics.recordLine(child, keyLine);
            out.put(key, convert(tuple.getValueNode(), child, depth + 1));
        }
        // YAML merge keys: explicit keys win over merged ones
        merged.forEach(m -> m.forEach(out::putIfAbsent));
        return out;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> mergeSources(Node value, String path, int depth) {
        List<Node> sources = value instanceof SequenceNode s ? s.getValue() : List.of(value);
        List<Map<String, Object>> out = new ArrayList<>();
        for (Node source : sources) {
            Object converted = convert(source, path, depth + 1);
            if (converted instanceof Map<?, ?> m) {
                out.add((Map<String, Object>) m);
            } else {
                diagnostics.add(path, source.getStartMark().getLine() + 1, "'<<' must merge a mapping");
            }
        }
        return out;
    }

    private List<Object> sequence(SequenceNode node, String path, int depth) {
        List<Object> out = new ArrayList<>(node.getValue().size());
        for (Node item : node.getValue()) {
            out.add(convert(item, Diagnostics.index(path, out.size()), depth + 1));
        }
        return out;
    }

    /** Resolves scalars the way {@code Yaml.load} does, except timestamps and unknown tags stay text. */
    private static final class ScalarConstructor extends SafeConstructor {

        ScalarConstructor() {
            super(new LoaderOptions());
        }

        Object scalar(ScalarNode node) {
            Tag tag = node.getTag();
            if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT) || tag.equals(Tag.BOOL) || tag.equals(Tag.NULL)) {
                try {
                    return constructObject(node);
                } catch (YAMLException e) {
                    return node.getValue();
                }
            }
            return node.getValue();
        }
    }
}
