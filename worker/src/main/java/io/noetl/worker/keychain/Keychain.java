package io.noetl.worker.keychain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The keychain of one command, resolved on the worker.
 *
 * @param values   name → resolved value (a string, or a map/list); what {@code {{ keychain.<name> }}} reads; entries of
 *                 kinds fetched over the network are resolved when first read
 * @param kinds    name → kind ({@code secret}, {@code postgres}, {@code oauth2}, ...); kind may be null
 * @param revealed values the tool obtained later (a credential named by {@code auth}, a token minted by
 *                 {@code token(...)}): hidden like the keychain's own values; grows while the tool is prepared
 */
public record Keychain(Map<String, Object> values, Map<String, String> kinds, Set<String> revealed) {

    /** No entries; nothing may be revealed to it (a command's keychain is always a fresh one). */
    public static final Keychain EMPTY = new Keychain(Map.of(), Map.of(), Set.of());

    /**
     * Fields of a token endpoint's answer or of a key file that describe the secret rather than being one; their
     * values ({@code Bearer}, {@code 3600}, a token URI) are not hidden, or every event mentioning them would lose
     * them.
     */
    private static final Set<String> DESCRIPTIVE = Set.of("token_type", "expires_in", "ext_expires_in", "expires_at",
            "refresh_expires_in", "scope", "audience", "target_audience", "type", "auth_uri", "token_uri",
            "auth_provider_x509_cert_url", "client_x509_cert_url", "universe_domain");

    public Keychain {
        values = values instanceof LazyKeychain ? values
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        kinds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kinds));
    }

    public Keychain(Map<String, Object> values, Map<String, String> kinds) {
        this(values, kinds, ConcurrentHashMap.newKeySet());
    }

    /** The value of the first entry of {@code kind}, if any. */
    public Optional<Object> firstOfKind(String kind) {
        return kinds.entrySet().stream().filter(e -> kind.equals(e.getValue()))
                .map(e -> values.get(e.getKey())).filter(v -> v != null).findFirst();
    }

    /** The entries resolved so far (all of them for a keychain without entries resolved when first read). */
    public Map<String, Object> resolvedValues() {
        return values instanceof LazyKeychain lazy ? lazy.resolved() : values;
    }

    /** The last failure of an entry resolved when first read, if any (see {@link KeychainResolver#resolve}). */
    public Optional<KeychainException> lastFailure() {
        return values instanceof LazyKeychain lazy ? lazy.lastFailure() : Optional.empty();
    }

    /** Hides every string inside {@code value} from now on (a credential or token obtained for the tool). */
    public void reveal(Object value) {
        collect(value, revealed::add);
    }

    /**
     * Every non-blank string inside the values (leaves of maps and lists too, except descriptive fields of tokens and
     * key files), and every revealed value: what the redactor hides.
     */
    public List<String> secrets() {
        List<String> out = new ArrayList<>();
        Map<String, Object> known = values instanceof LazyKeychain lazy ? lazy.resolved() : values;
        known.values().forEach(v -> collect(v, out::add));
        revealed.stream().filter(s -> !out.contains(s)).forEach(out::add);
        return out;
    }

    private static void collect(Object v, java.util.function.Consumer<String> out) {
        if (v instanceof Map<?, ?> m) {
            m.forEach((k, x) -> {
                if (!DESCRIPTIVE.contains(String.valueOf(k))) {
                    collect(x, out);
                }
            });
        } else if (v instanceof Collection<?> c) {
            c.forEach(x -> collect(x, out));
        } else if (v instanceof String s && !s.isBlank()) {
            out.accept(s);
        }
    }
}
