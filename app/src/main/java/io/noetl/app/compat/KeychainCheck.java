package io.noetl.app.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Keychain entries resolved from outside this machine before a run: secret managers, NoETL's credential store,
 * OAuth2 and identity-token endpoints. Literal values and the worker's environment ({@code secret}, {@code static},
 * {@code bearer} with a token) are local.
 */
final class KeychainCheck {

    private static final Set<String> LOCAL_KINDS = Set.of("secret", "static", "bearer", "http_bearer", "env", "value");
    private static final Set<String> REMOTE_KEYS = Set.of("credential", "provider", "endpoint", "ref",
            "service_account_secret", "service_account_credential");

    private KeychainCheck() {
    }

    static List<Dependency> keychain(Object keychain) {
        List<Dependency> out = new ArrayList<>();
        if (!(keychain instanceof List<?> entries)) {
            return out;
        }
        for (Object e : entries) {
            if (!(e instanceof Map<?, ?> entry)) {
                continue;
            }
            String name = String.valueOf(entry.get("name"));
            Object rawKind = entry.get("kind") != null ? entry.get("kind") : entry.get("type");
            String kind = rawKind == null ? "" : String.valueOf(rawKind).toLowerCase(Locale.ROOT);
            boolean remoteKey = entry.keySet().stream().anyMatch(k -> REMOTE_KEYS.contains(String.valueOf(k)));
            if (remoteKey || !kind.isEmpty() && !LOCAL_KINDS.contains(kind)) {
                String what = kind.isEmpty() ? "resolved elsewhere" : kind;
                out.add(Dependency.at("keychain " + name, "keychain " + what, "keychain entry of kind " + what));
            }
        }
        return out;
    }
}
