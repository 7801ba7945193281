package io.noetl.worker.keychain;

import io.noetl.schemas.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Google's service-account token flow (what {@code google.oauth2.service_account} does): a JWT signed with the
 * account's private key (RS256) is exchanged at the account's {@code token_uri} for an ID token (with a
 * {@code target_audience}) or an access token (with {@code scope}).
 *
 * @param clientEmail the account's {@code client_email}
 * @param privateKey  its {@code private_key} (PKCS#8 PEM)
 * @param tokenUri    its {@code token_uri}
 */
record GoogleServiceAccount(String clientEmail, String privateKey, String tokenUri) {

    /** The scope of an access token minted without one. */
    static final String CLOUD_PLATFORM = "https://www.googleapis.com/auth/cloud-platform";
    private static final String GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final String DEFAULT_TOKEN_URI = "https://oauth2.googleapis.com/token";

    /** True when {@code value} looks like a service-account key (a map with a private key and a client email). */
    static boolean is(Object value) {
        return value instanceof Map<?, ?> m && m.get("private_key") != null && m.get("client_email") != null;
    }

    /**
     * The account described by {@code value}: the key itself, or a map holding it under
     * {@code service_account_json} / {@code service_account} (as an object or as JSON text).
     */
    static GoogleServiceAccount of(Object value, String what) {
        Object key = value;
        if (value instanceof Map<?, ?> m && !is(m)) {
            key = m.get("service_account_json") != null ? m.get("service_account_json") : m.get("service_account");
        }
        if (key instanceof String text && text.strip().startsWith("{")) {
            key = Json.plainMap(Json.tree(text.getBytes(StandardCharsets.UTF_8)));
        }
        if (!is(key)) {
            throw KeychainException.config(what + " is not a Google service-account key (it needs private_key and"
                    + " client_email)");
        }
        Map<?, ?> m = (Map<?, ?>) key;
        Object uri = m.get("token_uri");
        return new GoogleServiceAccount(String.valueOf(m.get("client_email")), String.valueOf(m.get("private_key")),
                uri == null || String.valueOf(uri).isBlank() ? DEFAULT_TOKEN_URI : String.valueOf(uri));
    }

    /** An ID token for {@code audience}: the endpoint's answer, with {@code id_token}. */
    Map<String, Object> idToken(String audience, TokenEndpoint endpoint, Collection<String> hide)
            throws InterruptedException {
        return exchange(Map.of("target_audience", audience), endpoint, hide);
    }

    /** An access token for {@code scope}: the endpoint's answer, with {@code access_token}. */
    Map<String, Object> accessToken(String scope, TokenEndpoint endpoint, Collection<String> hide)
            throws InterruptedException {
        return exchange(Map.of("scope", scope == null ? CLOUD_PLATFORM : scope), endpoint, hide);
    }

    private Map<String, Object> exchange(Map<String, Object> claim, TokenEndpoint endpoint, Collection<String> hide)
            throws InterruptedException {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("grant_type", GRANT);
        form.put("assertion", assertion(claim, Instant.now()));
        List<String> hidden = new java.util.ArrayList<>(hide);
        hidden.add(privateKey);
        return endpoint.call("POST", tokenUri, null, form, hidden);
    }

    /** The signed JWT: issuer and subject the account, audience the token URI, valid for an hour. */
    String assertion(Map<String, Object> claim, Instant now) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", clientEmail);
        claims.put("sub", clientEmail);
        claims.put("aud", tokenUri);
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.getEpochSecond() + 3600);
        claims.putAll(claim);
        String signingInput = b64(Json.bytes(Map.of("alg", "RS256", "typ", "JWT"))) + "." + b64(Json.bytes(claims));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64(signature.sign());
        } catch (GeneralSecurityException e) {
            throw KeychainException.config("service account " + clientEmail + ": cannot sign with its private key ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private PrivateKey key() throws GeneralSecurityException {
        String pem = privateKey.replace("\\n", "\n").replaceAll("-----(BEGIN|END) [A-Z ]*PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(pem);
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("private_key is not PEM", e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
