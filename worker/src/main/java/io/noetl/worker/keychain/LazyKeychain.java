package io.noetl.worker.keychain;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The keychain values of one command, resolved when first read: an entry that needs the network (a token endpoint,
 * Secret Manager) costs nothing unless a template or tool of the command reads it, and one that cannot be resolved
 * fails only what reads it (NoETL: a failed entry leaves {@code {}} behind and the template that uses it fails). A
 * failure is kept and thrown again on every read; iterating the map yields the entries that resolve.
 */
final class LazyKeychain extends AbstractMap<String, Object> {

    /** Resolves one entry; {@code keychain} is this map, for entries that refer to others. */
    @FunctionalInterface
    interface Resolver {
        Object resolve(KeychainSpec spec, LazyKeychain keychain) throws InterruptedException;
    }

    private final Map<String, KeychainSpec> specs = new LinkedHashMap<>();
    private final Map<String, Object> resolved = new LinkedHashMap<>();
    private final Map<String, KeychainException> failed = new HashMap<>();
    private final Set<String> resolving = new HashSet<>();
    private final Resolver resolver;
    private volatile KeychainException lastFailure;

    LazyKeychain(Iterable<KeychainSpec> specs, Resolver resolver) {
        specs.forEach(s -> this.specs.put(s.name(), s));
        this.resolver = resolver;
    }

    @Override
    public synchronized Object get(Object key) {
        if (resolved.containsKey(key)) {
            return resolved.get(key);
        }
        KeychainException failure = failed.get(key);
        if (failure != null) {
            lastFailure = failure;
            throw failure;
        }
        KeychainSpec spec = specs.get(key);
        if (spec == null) {
            return null;
        }
        if (!resolving.add(spec.name())) {
            throw KeychainException.config("keychain entry '" + spec.name() + "' refers to itself");
        }
        try {
            Object value = resolver.resolve(spec, this);
            resolved.put(spec.name(), value);
            return value;
        } catch (KeychainException e) {
            failed.put(spec.name(), e);
            lastFailure = e;
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw KeychainException.config("keychain entry '" + spec.name() + "': interrupted");
        } finally {
            resolving.remove(spec.name());
        }
    }

    @Override
    public boolean containsKey(Object key) {
        return specs.containsKey(key);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        for (String name : specs.keySet()) {
            try {
                get(name);
            } catch (KeychainException e) {
                // an entry that does not resolve is left out, as NoETL leaves {} behind
            }
        }
        return Collections.unmodifiableSet(resolved().entrySet());
    }

    /** The entries resolved so far (what has to be redacted). */
    synchronized Map<String, Object> resolved() {
        return new LinkedHashMap<>(resolved);
    }

    /** The last failure a read ran into, if any. */
    Optional<KeychainException> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }
}
