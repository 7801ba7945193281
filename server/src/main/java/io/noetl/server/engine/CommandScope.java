package io.noetl.server.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.schemas.playbook.KeychainEntry;
import io.noetl.schemas.playbook.Step;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The part of a step's template context its command carries: the names the step's definition mentions (in its
 * templates, its code, its keychain entries), plus the small reserved ones. Earlier results and workload values the
 * step never names stay on the server, so a command does not grow with everything the execution has done so far.
 * Every identifier in the definition counts as a mention — inside a string or a comment too — so a name is dropped
 * only when it appears nowhere; code that looks names up dynamically ({@code globals()}, {@code locals()},
 * {@code eval}, {@code exec} or python's {@code context} mapping) gets the whole context.
 */
final class CommandScope {

    /** Always carried: small, and read by the worker itself or by code without being named in templates. */
    private static final Set<String> ALWAYS = Set.of("args", "iter", "loop", "loop_index", "execution_id", "job",
            "keychain", "current_user", "callback_url", "outcome");
    private static final Set<String> DYNAMIC = Set.of("context", "globals", "locals", "eval", "exec");
    /**
     * The names each step's definition mentions, by the definition itself (records compare by content, so two
     * catalogs holding different playbooks under one path and version never share an entry).
     */
    private static final Map<Definition, Set<String>> NAMES = new ConcurrentHashMap<>();
    private static final int MAX_CACHED = 10_000;

    private CommandScope() {
    }

    private record Definition(Step step, List<KeychainEntry> keychain) {
    }

    /**
     * The names a step's definition mentions, computed once per definition.
     *
     * @param definition what the worker gets of the step (tool, tasks, cursor, keychain); nulls are skipped
     */
    static Set<String> names(Step step, List<KeychainEntry> keychain, Supplier<JsonNode[]> definition) {
        Definition key = new Definition(step, keychain);
        Set<String> names = NAMES.get(key);
        if (names == null) {
            Set<String> collected = new HashSet<>();
            for (JsonNode part : definition.get()) {
                collect(part, collected);
            }
            names = Set.copyOf(collected);
            if (NAMES.size() >= MAX_CACHED) {
                NAMES.clear();
            }
            NAMES.put(key, names);
        }
        return names;
    }

    /**
     * @param context  the step's whole template context
     * @param iterator the loop's iterator name, or null
     * @param names    what the step's definition mentions ({@link #names})
     */
    static Map<String, Object> of(Map<String, Object> context, String iterator, Set<String> names) {
        for (String dynamic : DYNAMIC) {
            if (names.contains(dynamic)) {
                return context;
            }
        }
        Map<String, Object> scoped = new LinkedHashMap<>();
        context.forEach((k, v) -> {
            if (ALWAYS.contains(k) || names.contains(k) || k.equals(iterator) || !identifier(k)) {
                scoped.put(k, v);
            }
        });
        return scoped;
    }

    private static void collect(JsonNode node, Set<String> names) {
        if (node == null) {
            return;
        }
        if (node.isTextual()) {
            identifiers(node.textValue(), names);
        } else if (node.isContainerNode()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                identifiers(field.getKey(), names);
                collect(field.getValue(), names);
            }
            if (node.isArray()) {
                node.forEach(item -> collect(item, names));
            }
        }
    }

    /** Names that are not identifiers cannot be told apart in a text, so they are always kept. */
    private static boolean identifier(String name) {
        if (name.isEmpty() || !wordStart(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            if (!wordPart(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean wordStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean wordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    /** Adds every identifier-like word of {@code text} ({@code [A-Za-z_][A-Za-z0-9_]*}). */
    static void identifiers(String text, Set<String> names) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (wordStart(c)) {
                int start = i;
                while (i < n && wordPart(text.charAt(i))) {
                    i++;
                }
                names.add(text.substring(start, i));
            } else {
                i++;
            }
        }
    }
}
