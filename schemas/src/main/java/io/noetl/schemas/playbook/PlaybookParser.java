package io.noetl.schemas.playbook;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.schemas.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads playbook YAML ({@code apiVersion: noetl.io/v2, kind: Playbook}) into a {@link Playbook}, or rejects it
 * with every problem found in one pass, each with its dotted path and 1-based line.
 */
public final class PlaybookParser {

    public static final String API_VERSION = "noetl.io/v2";
    /** NoETL also accepts its DSL's v10 name for the same document shape. */
    public static final String API_VERSION_V10 = "noetl.io/v10";
    public static final String KIND = "Playbook";

    private static final Logger LOG = LoggerFactory.getLogger(PlaybookParser.class);
    private static final Set<String> ROOT_KEYS = Set.of("apiVersion", "kind", "metadata", "workload", "keychain",
            "workflow", "workbook", "executor", "vars");

    private PlaybookParser() {
    }

    /**
     * Parses and validates a playbook.
     *
     * @param yaml the playbook text; kept as {@link Playbook#source()}
     * @return the playbook, with every step's arcs normalized
     * @throws PlaybookException carrying every problem (malformed YAML, missing fields, wrong types, unknown or
     *                           unreachable steps, bad templates, bad durations or enum values, ...)
     */
    public static Playbook parse(String yaml) {
        Diagnostics diagnostics = new Diagnostics();
        YamlTree.Result tree = YamlTree.compose(yaml, diagnostics);
        if (!tree.wellFormed()) {
            throw new PlaybookException(diagnostics.problems());
        }
        Fields fields = new Fields(diagnostics);
        Map<String, Object> root = fields.map(tree.root(), "");
        if (root == null) {
            if (tree.root() == null) {
                diagnostics.add("", 0, "empty document: expected a playbook mapping (apiVersion, kind, metadata, workflow)");
            }
            throw new PlaybookException(diagnostics.problems());
        }
        Playbook playbook = read(root, yaml, fields);
        TemplateCheck.check(root, "", diagnostics);
        if (diagnostics.hasProblems()) {
            LOG.debug("rejected playbook with {} problem(s)", diagnostics.problems().size());
            throw new PlaybookException(diagnostics.problems());
        }
        return playbook;
    }

    /**
     * The YAML document as a JSON tree, e.g. to validate it against {@code playbook.schema.json}.
     *
     * @throws PlaybookException when the text is not YAML (one problem with the line)
     */
    public static JsonNode toJson(String yaml) {
        Diagnostics diagnostics = new Diagnostics();
        YamlTree.Result tree = YamlTree.compose(yaml, diagnostics);
        if (!tree.wellFormed()) {
            throw new PlaybookException(diagnostics.problems());
        }
        return Json.toTree(tree.root());
    }

    private static Playbook read(Map<String, Object> root, String yaml, Fields fields) {
        header(root, fields);
        fields.unknownKeys(root, "", ROOT_KEYS, "a playbook");
        Map<String, Object> metadata = fields.map(root.get("metadata"), "metadata");
        String name = null;
        String path = null;
        String description = null;
        if (metadata == null) {
            if (root.get("metadata") == null) {
                fields.problem("", "missing 'metadata' with 'name' (and optionally 'path', 'description')");
            }
        } else {
            name = fields.string(metadata.get("name"), "metadata.name");
            path = trimSlashes(fields.string(metadata.get("path"), "metadata.path"), fields);
            description = fields.string(metadata.get("description"), "metadata.description");
            path = isBlank(path) ? name : path;
            name = isBlank(name) ? lastSegment(path) : name;
            if (isBlank(name)) {
                fields.problem("metadata", "missing 'name' (or 'path'): the playbook's identity in the catalog");
            } else {
                checkPath(path, metadata.containsKey("path") ? "metadata.path" : "metadata.name", fields);
            }
        }
        Map<String, Object> workload = fields.mapOrEmpty(root.get("workload"), "workload");
        List<KeychainEntry> keychain = new KeychainParser(fields).parse(root.get("keychain"), "keychain");
        Map<String, Map<String, Object>> workbook = new WorkbookParser(fields).parse(root.get("workbook"), "workbook");
        Executor executor = ExecutorParser.parse(root.get("executor"), fields);
        Map<String, Object> vars = fields.mapOrEmpty(root.get("vars"), "vars");
        if (root.containsKey("vars")) {
            fields.diagnostics().warn("vars", "root 'vars' is not part of NoETL's DSL (use workload, or ctx through "
                    + "set); read as the execution's initial vars");
        }
        List<Step> steps = workflow(root.get("workflow"), workbook, executor, fields);
        return new Playbook(API_VERSION, name, path, description, workload, keychain, steps, yaml, executor, vars,
                fields.diagnostics().warnings());
    }

    private static void header(Map<String, Object> root, Fields fields) {
        String apiVersion = fields.string(root.get("apiVersion"), "apiVersion");
        if (apiVersion == null) {
            fields.problem(root.containsKey("apiVersion") ? "apiVersion" : "", "missing 'apiVersion: " + API_VERSION + "'");
        } else if (!API_VERSION.equals(apiVersion) && !API_VERSION_V10.equals(apiVersion)) {
            fields.problem("apiVersion", "unsupported apiVersion '" + apiVersion + "' (expected '" + API_VERSION + "')");
        }
        String kind = fields.string(root.get("kind"), "kind");
        if (kind == null) {
            fields.problem(root.containsKey("kind") ? "kind" : "", "missing 'kind: " + KIND + "'");
        } else if (!KIND.equals(kind)) {
            fields.problem("kind", "unsupported kind '" + kind + "' (expected '" + KIND + "')");
        }
    }

    private static List<Step> workflow(Object value, Map<String, Map<String, Object>> workbook, Executor executor,
                                       Fields fields) {
        List<Object> list = fields.list(value, "workflow");
        if (list == null || list.isEmpty()) {
            if (value == null || list != null) {
                fields.problem(value == null ? "" : "workflow", "missing 'workflow': a list of at least one step");
            }
            return List.of();
        }
        StepParser parser = new StepParser(fields, workbook);
        List<StepParser.Parsed> parsed = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            StepParser.Parsed step = parser.parse(list.get(i), Diagnostics.index("workflow", i));
            if (step != null) {
                parsed.add(step);
            }
        }
        parsed = ImplicitEnd.apply(parsed);
        ExecutorParser.checkSteps(executor, parsed, fields);
        GraphCheck.check(parsed, executor.entryStep(), fields.diagnostics());
        return parsed.stream().map(StepParser.Parsed::step).filter(Objects::nonNull).toList();
    }

    /** Paths appear in URLs ({@code /api/playbooks/data/ingestion/daily_load}) and catalog keys. */
    private static void checkPath(String path, String at, Fields fields) {
        if (path.startsWith("/") || path.endsWith("/") || path.contains("//")
                || ("/" + path + "/").contains("/../") || ("/" + path + "/").contains("/./")) {
            fields.problem(at, "'" + path + "' is not a playbook path (segments separated by single '/', no '.' or '..')");
        }
    }

    /** NoETL's catalog accepts {@code /a/b}; the identity here is {@code a/b}. */
    private static String trimSlashes(String path, Fields fields) {
        if (path == null || !(path.startsWith("/") || path.endsWith("/")) || path.replace("/", "").isBlank()) {
            return path;
        }
        String trimmed = path.replaceAll("^/+|/+$", "");
        fields.diagnostics().warn("metadata.path", "'" + path + "' is registered as '" + trimmed + "'");
        return trimmed;
    }

    private static String lastSegment(String path) {
        return path == null ? null : path.substring(path.lastIndexOf('/') + 1);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
