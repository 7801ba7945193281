package io.noetl.worker.keychain;

import io.noetl.schemas.playbook.KeychainEntry;
import io.noetl.schemas.template.TemplateException;
import io.noetl.schemas.template.Templates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves a command's keychain on the worker, entry by entry in the playbook's order: each entry's fields are
 * rendered against the context and the entries resolved before it ({@code {{ keychain.creds.client_id }}}), then its
 * kind yields the value (see {@link KeychainKinds}). Tokens obtained over the network are cached per scope
 * ({@code local}: the execution, {@code shared}: the execution tree, else global) until close to expiry.
 */
public final class KeychainResolver {

    /** Kinds resolved when the command starts: a value or the worker's environment, nothing to fetch. */
    private static final java.util.Set<String> EAGER = java.util.Set.of("secret", "postgres", "http_bearer");

    private final Credentials credentials;
    private final Minter minter;
    private final KeychainKinds kinds;

    /** @param env the environment {@code env} entries and credentials are read from */
    public KeychainResolver(Map<String, String> env) {
        this(env, new TokenEndpoint(), System::nanoTime);
    }

    KeychainResolver(Map<String, String> env, TokenEndpoint endpoint, java.util.function.LongSupplier nanoTime) {
        this.credentials = new Credentials(env);
        long threshold = parseSeconds(env.get("NOETL_AUTH_REFRESH_THRESHOLD_SECONDS"), 300);
        this.minter = new Minter(endpoint, new TokenCache(Duration.ofSeconds(threshold), nanoTime),
                env.get("NOETL_GCP_SECRET_MANAGER_URL"));
        this.kinds = new KeychainKinds(env, credentials, minter);
    }

    /** Resolves entries that need no context (literal values and environment variables). */
    public Keychain resolve(List<KeychainEntry> entries) throws InterruptedException {
        return resolve(KeychainSpec.of(entries), Map.of(), null, null);
    }

    /**
     * The command's keychain. Entries of the kinds {@code secret}, {@code postgres} and {@code http_bearer} (a value or
     * an environment variable of the worker) are resolved now, and a failure fails the command; entries of NoETL's
     * other kinds are resolved when first read (see {@link LazyKeychain}).
     *
     * @param context           what the entries' templates see (workload, args, ...)
     * @param executionId       the execution, for {@code local} and {@code shared} scopes; may be null
     * @param parentExecutionId its parent, for the {@code shared} scope; may be null
     * @throws KeychainException naming an entry resolved now and what failed, with the values resolved so far
     */
    public Keychain resolve(List<KeychainSpec> specs, Map<String, Object> context, String executionId,
                            String parentExecutionId) throws InterruptedException {
        if (specs == null || specs.isEmpty()) {
            return new Keychain(Map.of(), Map.of());
        }
        Map<String, String> kindsByName = new LinkedHashMap<>();
        specs.forEach(s -> kindsByName.put(s.name(), s.kind()));
        LazyKeychain values = new LazyKeychain(specs, (spec, keychain) -> {
            List<String> soFar = new Keychain(keychain.resolved(), Map.of()).secrets();
            try {
                Map<String, Object> render = new LinkedHashMap<>(context);
                render.put("keychain", keychain);
                @SuppressWarnings("unchecked")
                Map<String, Object> f = (Map<String, Object>) Templates.render(spec.fields(), render);
                List<String> hide = new ArrayList<>(soFar);
                new Keychain(Map.of("request", List.of(f.getOrDefault("data", ""), f.getOrDefault("headers", ""))),
                        Map.of()).secrets().forEach(hide::add);
                return kinds.resolve(spec.name(), spec.kind(), f,
                        scopeKey(f.get("scope"), executionId, parentExecutionId), hide);
            } catch (TemplateException e) {
                throw KeychainException.config(e.getMessage()).in(where(spec), soFar);
            } catch (KeychainException e) {
                throw e.in(where(spec), soFar);
            }
        });
        for (KeychainSpec spec : specs) {
            if (EAGER.contains(spec.kind() == null ? "secret" : spec.kind())) {
                values.get(spec.name());
            }
        }
        return new Keychain(values, kindsByName);
    }

    /**
     * The credential {@code name}: a keychain entry of that name, else a credential of the worker; revealed to
     * {@code keychain} so that it is redacted.
     */
    public Optional<Object> credential(String name, Keychain keychain) {
        Object value = keychain.values().containsKey(name) ? keychain.values().get(name)
                : credentials.find(name).orElse(null);
        if (value != null) {
            keychain.reveal(value);
        }
        return Optional.ofNullable(value);
    }

    /** Where credential {@code name} would be looked for, for messages. */
    public String whereFor(String name) {
        return "a keychain entry '" + name + "' or " + credentials.whereFor(name);
    }

    /** What {@code token(name[, audience])} asks while this command's tool is rendered. */
    public WorkerTokens tokens(Keychain keychain) {
        return new WorkerTokens(this, keychain, minter);
    }

    private static String where(KeychainSpec spec) {
        return "keychain entry '" + spec.name() + "' (" + (spec.kind() == null ? "secret" : spec.kind()) + "): ";
    }

    private static String scopeKey(Object scope, String executionId, String parentExecutionId) {
        String s = scope == null ? "global" : String.valueOf(scope).toLowerCase(Locale.ROOT);
        return switch (s) {
            case "local" -> "local:" + executionId;
            case "shared" -> "shared:" + (parentExecutionId != null ? parentExecutionId : executionId);
            default -> "global";
        };
    }

    private static long parseSeconds(String value, long fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("NOETL_AUTH_REFRESH_THRESHOLD_SECONDS must be a number of seconds, got '"
                    + value + "'", e);
        }
    }
}
