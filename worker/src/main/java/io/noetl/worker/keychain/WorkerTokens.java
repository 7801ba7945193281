package io.noetl.worker.keychain;

import io.noetl.schemas.template.TokenSource;
import java.util.Optional;

/**
 * {@code token(name[, audience])} for one command: the credential {@code name} (a keychain entry, else a credential
 * of the worker) as a bearer token (see {@link Bearers}); every token handed out is revealed to the command's
 * keychain, so that it is redacted. A failure is kept: a template engine reports only that the function failed,
 * while the failure knows whether a retry may help.
 */
public final class WorkerTokens implements TokenSource {

    private final KeychainResolver resolver;
    private final Keychain keychain;
    private final Minter minter;
    private volatile KeychainException failure;

    WorkerTokens(KeychainResolver resolver, Keychain keychain, Minter minter) {
        this.resolver = resolver;
        this.keychain = keychain;
        this.minter = minter;
    }

    @Override
    public String token(String name, String audience) {
        try {
            Object credential = resolver.credential(name, keychain).orElseThrow(() -> KeychainException.config(
                    "no credential '" + name + "' on this worker (set " + resolver.whereFor(name) + ")"));
            String token = Bearers.of(name, credential, audience, minter, keychain.secrets());
            keychain.reveal(token);
            return token;
        } catch (KeychainException e) {
            failure = e.in("token('" + name + "'): ", keychain.secrets());
            throw failure;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = KeychainException.config("token('" + name + "'): interrupted");
            throw failure;
        }
    }

    /** The last failure of {@link #token}, if any. */
    public Optional<KeychainException> failure() {
        return Optional.ofNullable(failure);
    }
}
