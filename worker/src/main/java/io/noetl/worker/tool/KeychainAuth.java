package io.noetl.worker.tool;

import io.noetl.worker.keychain.Keychain;
import io.noetl.worker.keychain.KeychainResolver;
import io.noetl.worker.keychain.WorkerTokens;
import java.util.Optional;

/** {@link Auth} over a command's keychain and the worker's credentials. */
final class KeychainAuth implements Auth {

    private final KeychainResolver resolver;
    private final Keychain keychain;
    private final WorkerTokens tokens;

    KeychainAuth(KeychainResolver resolver, Keychain keychain, WorkerTokens tokens) {
        this.resolver = resolver;
        this.keychain = keychain;
        this.tokens = tokens;
    }

    @Override
    public Optional<Object> credential(String name) {
        return resolver.credential(name, keychain);
    }

    @Override
    public String token(String name, String audience) {
        return tokens.token(name, audience);
    }

    @Override
    public String whereFor(String name) {
        return resolver.whereFor(name);
    }
}
