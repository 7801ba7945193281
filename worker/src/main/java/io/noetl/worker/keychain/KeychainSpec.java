package io.noetl.worker.keychain;

import io.noetl.schemas.playbook.KeychainEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One keychain entry as the worker resolves it: its name, kind and every other field as written (templates
 * unrendered): {@code value}, {@code env}, {@code map}, {@code token}, {@code credential}, {@code endpoint},
 * {@code data}, {@code scope}, ...
 *
 * @param name   what templates read as {@code keychain.<name>}
 * @param kind   how it is resolved
 * @param fields the other fields
 */
public record KeychainSpec(String name, String kind, Map<String, Object> fields) {

    public KeychainSpec {
        fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** The specs of a command's keychain entries (entries without a name are skipped). */
    public static List<KeychainSpec> of(List<KeychainEntry> entries) {
        List<KeychainSpec> out = new ArrayList<>();
        if (entries == null) {
            return out;
        }
        for (KeychainEntry e : entries) {
            if (e == null || e.name() == null) {
                continue;
            }
            Map<String, Object> fields = new LinkedHashMap<>(e.options());
            if (e.value() != null) {
                fields.put("value", e.value());
            }
            if (e.env() != null) {
                fields.put("env", e.env());
            }
            out.add(new KeychainSpec(e.name(), e.kind(), fields));
        }
        return out;
    }
}
