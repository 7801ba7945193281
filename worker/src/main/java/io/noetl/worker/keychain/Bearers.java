package io.noetl.worker.keychain;

import io.noetl.schemas.error.ErrorClass;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bearer token a credential stands for (NoETL's {@code token(credential[, audience])}): a plain string is the
 * token; a Google service-account key mints an ID token for {@code audience}, or an access token without one; a
 * map holding {@code access_token}, {@code id_token} or {@code token} gives it; an OAuth client
 * ({@code client_id}, {@code client_secret}, {@code token_url}) runs the client-credentials grant.
 */
final class Bearers {

    private Bearers() {
    }

    static String of(String name, Object credential, String audience, Minter minter, Collection<String> hide)
            throws InterruptedException {
        if (credential instanceof String s && !s.isBlank()) {
            return s;
        }
        if (!(credential instanceof Map<?, ?> m)) {
            throw KeychainException.config("credential '" + name + "' holds no token");
        }
        if (GoogleServiceAccount.is(m) || m.get("service_account_json") != null || m.get("service_account") != null) {
            GoogleServiceAccount account = GoogleServiceAccount.of(m, "credential '" + name + "'");
            return audience != null
                    ? String.valueOf(minter.googleIdToken(account, audience, hide).get("id_token"))
                    : minter.googleAccessToken(account, m.get("scope") == null ? null : String.valueOf(m.get("scope")),
                            hide);
        }
        for (String key : new String[] {"access_token", "id_token", "token", "bearer_token"}) {
            if (m.get(key) instanceof String token && !token.isBlank()) {
                return token;
            }
        }
        Object url = first(m, "token_url", "token_uri", "endpoint");
        if (m.get("client_id") != null && m.get("client_secret") != null && url != null) {
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("grant_type", "client_credentials");
            form.put("client_id", m.get("client_id"));
            form.put("client_secret", m.get("client_secret"));
            Object scope = m.get("scope");
            if (scope != null) {
                form.put("scope", scope);
            }
            if (audience != null) {
                form.put("audience", audience);
            }
            Map<String, Object> answer = minter.call("credential|" + name, "POST", String.valueOf(url), null, form,
                    Duration.ofHours(1), hide);
            if (answer.get("access_token") instanceof String token && !token.isBlank()) {
                return token;
            }
            throw KeychainException.of("credential '" + name + "': " + url + " answered without an access_token",
                    false, ErrorClass.AUTH);
        }
        throw KeychainException.config("credential '" + name + "' holds no token and is neither a Google service"
                + " account nor an OAuth client (client_id, client_secret, token_url)");
    }

    private static Object first(Map<?, ?> m, String... keys) {
        for (String k : keys) {
            if (m.get(k) != null && !String.valueOf(m.get(k)).isBlank()) {
                return m.get(k);
            }
        }
        return null;
    }
}
