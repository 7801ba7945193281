package io.noetl.worker.keychain;

import io.noetl.schemas.error.ErrorClass;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Google Secret Manager over its REST API: {@code GET <base>/v1/<secret version>:access} with a bearer token;
 * the secret is the base64 {@code payload.data} of the answer. {@code base} is
 * {@code https://secretmanager.googleapis.com} unless {@code NOETL_GCP_SECRET_MANAGER_URL} says otherwise.
 */
final class SecretManager {

    static final String DEFAULT_BASE = "https://secretmanager.googleapis.com";

    private final String base;
    private final TokenEndpoint endpoint;

    SecretManager(String base, TokenEndpoint endpoint) {
        this.base = base == null || base.isBlank() ? DEFAULT_BASE : base.replaceAll("/+$", "");
        this.endpoint = endpoint;
    }

    /**
     * The secret at {@code path} ({@code projects/P/secrets/S/versions/V}; {@code versions/latest} is added when the
     * path names only the secret).
     */
    String access(String path, String bearer, Collection<String> hide) throws InterruptedException {
        String version = path.strip().replaceAll("^/+", "");
        if (!version.contains("/versions/")) {
            version = version + "/versions/latest";
        }
        List<String> hidden = new java.util.ArrayList<>(hide);
        hidden.add(bearer);
        Map<String, Object> answer = endpoint.call("GET", base + "/v1/" + version + ":access",
                Map.of("Authorization", "Bearer " + bearer), null, hidden);
        if (answer.get("payload") instanceof Map<?, ?> payload && payload.get("data") instanceof String data) {
            try {
                return new String(Base64.getDecoder().decode(data.strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw KeychainException.of("secret " + version + ": payload.data is not base64", false,
                        ErrorClass.VALIDATION);
            }
        }
        throw KeychainException.of("secret " + version + ": the answer has no payload.data", false,
                ErrorClass.VALIDATION);
    }
}
