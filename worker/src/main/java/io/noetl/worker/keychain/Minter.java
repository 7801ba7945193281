package io.noetl.worker.keychain;

import io.noetl.schemas.Json;
import io.noetl.schemas.error.ErrorClass;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Obtains tokens and secrets over the network and keeps tokens in a {@link TokenCache}: OAuth endpoint calls, Google
 * ID and access tokens from a service account, Secret Manager reads, and the bearer token a credential stands for.
 */
final class Minter {

    private static final Duration DEFAULT_TTL = Duration.ofHours(1);

    private final TokenEndpoint endpoint;
    private final TokenCache cache;
    private final SecretManager secrets;

    Minter(TokenEndpoint endpoint, TokenCache cache, String secretManagerBase) {
        this.endpoint = endpoint;
        this.cache = cache;
        this.secrets = new SecretManager(secretManagerBase, endpoint);
    }

    /** An endpoint's answer, cached under {@code scopeKey} and the request itself for its {@code expires_in}. */
    Map<String, Object> call(String scopeKey, String method, String url, Map<?, ?> headers, Object data,
                             Duration ttl, Collection<String> hide) throws InterruptedException {
        String key = scopeKey + "|" + fingerprint(method, url, headers, data);
        Optional<Map<String, Object>> cached = cache.get(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        Map<String, Object> answer = endpoint.call(method, url, headers, data, hide);
        cache.put(key, answer, ttl == null ? DEFAULT_TTL : ttl);
        return answer;
    }

    /** {@code {id_token, access_token (the same), token_type, audience}} for {@code audience}. */
    Map<String, Object> googleIdToken(GoogleServiceAccount account, String audience, Collection<String> hide)
            throws InterruptedException {
        String key = "google-id|" + account.clientEmail() + "|" + audience;
        Optional<Map<String, Object>> cached = cache.get(key);
        if (cached.isPresent()) {
            return cached.get();
        }
        Map<String, Object> answer = account.idToken(audience, endpoint, hide);
        if (!(answer.get("id_token") instanceof String idToken) || idToken.isBlank()) {
            throw KeychainException.of("token endpoint " + account.tokenUri() + " answered without an id_token",
                    false, ErrorClass.AUTH);
        }
        Map<String, Object> token = new LinkedHashMap<>();
        token.put("id_token", idToken);
        token.put("access_token", idToken);
        token.put("token_type", "Bearer");
        token.put("audience", audience);
        token.put("expires_in", answer.getOrDefault("expires_in", DEFAULT_TTL.toSeconds()));
        cache.put(key, token, DEFAULT_TTL);
        return token;
    }

    /** The service account's access token for {@code scope} (cloud-platform when null). */
    String googleAccessToken(GoogleServiceAccount account, String scope, Collection<String> hide)
            throws InterruptedException {
        String key = "google-access|" + account.clientEmail() + "|" + scope;
        Optional<Map<String, Object>> cached = cache.get(key);
        Map<String, Object> answer = cached.isPresent() ? cached.get() : account.accessToken(scope, endpoint, hide);
        if (!(answer.get("access_token") instanceof String token) || token.isBlank()) {
            throw KeychainException.of("token endpoint " + account.tokenUri() + " answered without an access_token",
                    false, ErrorClass.AUTH);
        }
        if (cached.isEmpty()) {
            cache.put(key, answer, DEFAULT_TTL);
        }
        return token;
    }

    /** A Secret Manager secret read with {@code bearer}. */
    String secret(String path, String bearer, Collection<String> hide) throws InterruptedException {
        return secrets.access(path, bearer, hide);
    }

    private static String fingerprint(String method, String url, Map<?, ?> headers, Object data) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("method", method);
        request.put("url", url);
        request.put("headers", headers);
        request.put("data", data);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Json.string(request)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }
}
