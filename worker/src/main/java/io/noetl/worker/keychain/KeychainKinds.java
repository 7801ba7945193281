package io.noetl.worker.keychain;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What each keychain kind yields, from its rendered fields (NoETL's keychain reference):
 * <ul>
 *   <li>{@code secret}, {@code postgres}, {@code http_bearer}: {@code value}, or the worker's environment variable
 *       {@code env};</li>
 *   <li>{@code static}: the mapping {@code map}, each value literal or {@code {env: VAR}};</li>
 *   <li>{@code bearer}: {@code {token, access_token, token_type: Bearer}} from {@code token} (or value/env);</li>
 *   <li>{@code credential} (also {@code postgres_credential}, {@code google_oauth}, {@code google_service_account}):
 *       the fields of the credential
 *       named by {@code credential} (or {@code ref}, else the entry's name), see {@link Credentials};</li>
 *   <li>{@code secrets} ({@code secret_manager}): for each {@code map} key, the secret its value names: with
 *       {@code provider: gcp} a Google Secret Manager path read with the token of the credential {@code auth}; with
 *       {@code provider: env} an environment variable;</li>
 *   <li>{@code oauth2} (and {@code http}): the JSON answer of {@code endpoint} ({@code method} POST, {@code headers},
 *       {@code data} form-encoded), e.g. {@code access_token};</li>
 *   <li>{@code google_id_token}: {@code {id_token, access_token, token_type, audience}} minted for
 *       {@code target_audience} from the service account of {@code service_account_credential},
 *       {@code service_account_secret} (read with {@code auth}) or {@code service_account}.</li>
 * </ul>
 */
final class KeychainKinds {

    private final Map<String, String> env;
    private final Credentials credentials;
    private final Minter minter;

    KeychainKinds(Map<String, String> env, Credentials credentials, Minter minter) {
        this.env = env;
        this.credentials = credentials;
        this.minter = minter;
    }

    /** The value of entry {@code name} of {@code kind}, from its rendered {@code f}ields. */
    Object resolve(String name, String kind, Map<String, Object> f, String scopeKey, Collection<String> hide)
            throws InterruptedException {
        String k = kind == null ? "secret" : kind.toLowerCase(Locale.ROOT);
        return switch (k) {
            case "secret", "postgres", "http_bearer" -> plain(name, f);
            case "static" -> f.get("map") instanceof Map<?, ?> map ? mapped(name, map) : plain(name, f);
            case "bearer" -> bearer(name, f);
            case "credential", "postgres_credential", "google_oauth", "google_service_account" -> credential(name, f);
            case "secrets", "secret_manager" -> secrets(name, f, hide);
            case "oauth2", "http" -> exchange(name, f, scopeKey, hide);
            case "google_id_token" -> googleIdToken(name, f, hide);
            default -> throw KeychainException.config("kind '" + kind + "' is not supported here (supported: secret, "
                    + "postgres, http_bearer, static, bearer, credential, secrets, oauth2, http, google_id_token)");
        };
    }

    private Object plain(String name, Map<String, Object> f) {
        if (f.get("value") != null) {
            return f.get("value");
        }
        if (f.get("env") != null) {
            return fromEnv(String.valueOf(f.get("env")));
        }
        throw KeychainException.config("has neither value nor env");
    }

    private String fromEnv(String variable) {
        String value = env.get(variable);
        if (value == null) {
            throw KeychainException.config("environment variable " + variable + " is not set on worker");
        }
        return value;
    }

    private Map<String, Object> mapped(String name, Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((key, v) -> out.put(String.valueOf(key), v instanceof Map<?, ?> m && m.get("env") != null
                ? fromEnv(String.valueOf(m.get("env"))) : v));
        return out;
    }

    private Map<String, Object> bearer(String name, Map<String, Object> f) {
        Object token = f.get("token") != null ? f.get("token") : plain(name, f);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("token", token);
        out.put("access_token", token);
        out.put("token_type", "Bearer");
        return out;
    }

    private Object credential(String name, Map<String, Object> f) {
        if (f.get("value") != null || f.get("env") != null) {
            return plain(name, f);
        }
        String ref = String.valueOf(f.get("credential") != null ? f.get("credential")
                : f.get("ref") != null ? f.get("ref") : name);
        return credentials.find(ref).orElseThrow(() -> KeychainException.config("credential '" + ref
                + "' is not known on this worker (set " + credentials.whereFor(ref) + ")"));
    }

    private Map<String, Object> secrets(String name, Map<String, Object> f, Collection<String> hide)
            throws InterruptedException {
        if (!(f.get("map") instanceof Map<?, ?> map)) {
            throw KeychainException.config("kind secrets needs 'map' (name: secret path)");
        }
        String provider = f.get("provider") == null ? "env"
                : String.valueOf(f.get("provider")).toLowerCase(Locale.ROOT);
        Map<String, Object> out = new LinkedHashMap<>();
        switch (provider) {
            case "env" -> map.forEach((key, v) -> out.put(String.valueOf(key), fromEnv(String.valueOf(v))));
            case "gcp", "google" -> {
                String bearer = bearerOf(f.get("auth"), null, hide);
                java.util.List<String> hidden = new java.util.ArrayList<>(hide);
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    String secret = minter.secret(String.valueOf(e.getValue()), bearer, hidden);
                    hidden.add(secret);
                    out.put(String.valueOf(e.getKey()), secret);
                }
            }
            default -> throw KeychainException.config("secrets provider '" + provider
                    + "' is not supported here (supported: gcp, env)");
        }
        return out;
    }

    private Map<String, Object> exchange(String name, Map<String, Object> f, String scopeKey, Collection<String> hide)
            throws InterruptedException {
        Object url = f.get("endpoint") != null ? f.get("endpoint") : f.get("url") != null ? f.get("url")
                : f.get("token_url");
        if (url == null || String.valueOf(url).isBlank()) {
            throw KeychainException.config("needs 'endpoint' (the token endpoint)");
        }
        Object data = f.get("data") != null ? f.get("data") : f.get("body");
        Map<?, ?> headers = f.get("headers") instanceof Map<?, ?> h ? h : null;
        Duration ttl = f.get("ttl_seconds") instanceof Number n ? Duration.ofSeconds(n.longValue()) : null;
        return minter.call(scopeKey + "|" + name, f.get("method") == null ? "POST" : String.valueOf(f.get("method")),
                String.valueOf(url), headers, data, ttl, hide);
    }

    private Map<String, Object> googleIdToken(String name, Map<String, Object> f, Collection<String> hide)
            throws InterruptedException {
        Object audience = f.get("target_audience") != null ? f.get("target_audience") : f.get("audience");
        if (audience == null || String.valueOf(audience).isBlank()) {
            throw KeychainException.config("needs 'target_audience' (the service URL the ID token is for)");
        }
        Object key;
        if (f.get("service_account_credential") != null) {
            String ref = String.valueOf(f.get("service_account_credential"));
            key = credentials.find(ref).orElseThrow(() -> KeychainException.config("credential '" + ref
                    + "' is not known on this worker (set " + credentials.whereFor(ref) + ")"));
        } else if (f.get("service_account_secret") != null) {
            key = minter.secret(String.valueOf(f.get("service_account_secret")), bearerOf(f.get("auth"), null, hide),
                    hide);
        } else if (f.get("service_account") != null) {
            key = f.get("service_account");
        } else {
            key = plain(name, f);
        }
        return minter.googleIdToken(GoogleServiceAccount.of(key, "the service account"), String.valueOf(audience),
                hide);
    }

    /** The bearer token of the credential named {@code auth}. */
    String bearerOf(Object auth, String audience, Collection<String> hide) throws InterruptedException {
        if (auth == null || String.valueOf(auth).isBlank()) {
            throw KeychainException.config("needs 'auth' (the credential that may read the secret)");
        }
        String ref = String.valueOf(auth);
        Object credential = credentials.find(ref).orElseThrow(() -> KeychainException.config("credential '" + ref
                + "' is not known on this worker (set " + credentials.whereFor(ref) + ")"));
        return Bearers.of(ref, credential, audience, minter, hide);
    }
}
