package io.noetl.worker.keychain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noetl.schemas.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keychain kinds resolved for real: token exchanges against {@link TokenServer}, written in the test. */
class KeychainResolverTest {

    private TokenServer tokens;
    private final Map<String, String> env = new HashMap<>();
    private final Map<String, Object> context = Map.of("workload", Map.of("client_id", "cid", "key", "sk-77"));

    @BeforeEach
    void start() throws Exception {
        tokens = new TokenServer();
    }

    @AfterEach
    void stop() {
        tokens.close();
    }

    private Keychain resolve(KeychainSpec... specs) throws InterruptedException {
        return new KeychainResolver(env).resolve(List.of(specs), context, "EXEC1", null);
    }

    private static KeychainSpec spec(String name, String kind, Map<String, Object> fields) {
        return new KeychainSpec(name, kind, fields);
    }

    @Test
    @DisplayName("static yields its rendered map (a value may come from env); bearer yields token and access_token")
    void staticAndBearer() throws Exception {
        env.put("CLIENT_SECRET", "csecret");
        Keychain k = resolve(
                spec("creds", "static", Map.of("map", Map.of("client_id", "{{ workload.client_id }}",
                        "client_secret", Map.of("env", "CLIENT_SECRET")))),
                spec("openai", "bearer", Map.of("token", "{{ workload.key }}")));
        assertThat(k.values().get("creds")).isEqualTo(Map.of("client_id", "cid", "client_secret", "csecret"));
        assertThat(k.values().get("openai")).isEqualTo(Map.of("token", "sk-77", "access_token", "sk-77",
                "token_type", "Bearer"));
        assertThat(k.secrets()).contains("cid", "csecret", "sk-77").doesNotContain("Bearer");
    }

    @Test
    @DisplayName("credential yields the fields of a worker credential: environment JSON, or a registration file")
    void credentialFromTheEnvironmentOrAFile(@TempDir Path dir) throws Exception {
        env.put("NOETL_CREDENTIAL_AUTH0_CREDS", "{\"domain\":\"example.auth0.com\",\"client_secret\":\"x1\"}");
        Files.writeString(dir.resolve("pg_local.json"), "{\"name\":\"pg_local\",\"type\":\"postgres\","
                + "\"data\":{\"db_host\":\"localhost\",\"db_password\":\"pw9\"}}");
        env.put("NOETL_CREDENTIALS_DIR", dir.toString());
        Keychain k = resolve(spec("auth0", "credential", Map.of("credential", "auth0-creds")),
                spec("pg", "credential", Map.of("credential", "pg_local")));
        assertThat(k.values().get("auth0")).isEqualTo(Map.of("domain", "example.auth0.com", "client_secret", "x1"));
        assertThat(k.values().get("pg")).isEqualTo(Map.of("db_host", "localhost", "db_password", "pw9"));
        assertThatThrownBy(() -> resolve(spec("gone", "credential", Map.of("credential", "nope"))).values().get("gone"))
                .isInstanceOf(KeychainException.class)
                .hasMessageContaining("keychain entry 'gone' (credential): credential 'nope' is not known")
                .hasMessageContaining("NOETL_CREDENTIAL_NOPE");
    }

    @Test
    @DisplayName("oauth2 posts its form to the token endpoint, with values from earlier entries, and caches the token")
    void oauth2ExchangesAtTheTokenEndpointAndCaches() throws Exception {
        KeychainResolver resolver = new KeychainResolver(env);
        KeychainSpec creds = spec("creds", "static", Map.of("map", Map.of("client_id", "cid",
                "client_secret", "csecret")));
        KeychainSpec token = spec("api_token", "oauth2", Map.of("endpoint", tokens.base() + "/oauth/token",
                "headers", Map.of("Content-Type", "application/x-www-form-urlencoded"),
                "data", Map.of("grant_type", "client_credentials",
                        "client_id", "{{ keychain.creds.client_id }}",
                        "client_secret", "{{ keychain.creds.client_secret }}")));
        Keychain first = resolver.resolve(List.of(creds, token), context, "E1", null);
        Keychain second = resolver.resolve(List.of(creds, token), context, "E2", null);
        assertThat(((Map<?, ?>) first.values().get("api_token")).get("access_token")).isEqualTo("at-1");
        assertThat(((Map<?, ?>) second.values().get("api_token")).get("access_token")).isEqualTo("at-1");
        assertThat(tokens.requests).hasSize(1);
        assertThat(tokens.requests.get(0)).containsEntry("grant_type", "client_credentials");
        assertThat(first.secrets()).contains("at-1").doesNotContain("Bearer", "3600");
        KeychainSpec local = spec("api_token", "oauth2", Map.of("endpoint", tokens.base() + "/oauth/token",
                "scope", "local", "data", Map.of("client_id", "cid", "client_secret", "csecret")));
        resolver.resolve(List.of(local), context, "E3", null).values().get("api_token");
        resolver.resolve(List.of(local), context, "E4", null).values().get("api_token");
        assertThat(tokens.requests).hasSize(3);
    }

    @Test
    @DisplayName("a rejected client is a not retriable auth failure naming the endpoint; its secret is not in it")
    void aRejectedClientIsANotRetriableAuthFailure() {
        KeychainSpec token = spec("t", "oauth2", Map.of("endpoint", tokens.base() + "/oauth/token",
                "data", Map.of("client_id", "cid", "client_secret", "wrong-secret-123")));
        assertThatThrownBy(() -> resolve(token).values().get("t"))
                .isInstanceOfSatisfying(KeychainException.class, e -> {
            assertThat(e.getMessage()).startsWith("keychain entry 't' (oauth2): POST " + tokens.base()
                    + "/oauth/token answered HTTP 401");
            assertThat(e.retriable()).isFalse();
            assertThat(e.toError().errorClass()).isEqualTo("auth");
        });
        tokens.status = 503;
        assertThatThrownBy(() -> resolve(token).values().get("t"))
                .isInstanceOfSatisfying(KeychainException.class, e -> {
            assertThat(e.getMessage()).contains("HTTP 503").doesNotContain("wrong-secret-123");
            assertThat(e.retriable()).isTrue();
            assertThat(e.toError().errorClass()).isEqualTo("dependency_5xx");
        });
    }

    @Test
    @DisplayName("google_id_token signs a JWT with the service account and yields the ID token for the audience")
    void googleIdTokenFromAServiceAccountCredential() throws Exception {
        env.put("NOETL_CREDENTIAL_RUN_SA", Json.string(tokens.serviceAccount()));
        Keychain k = resolve(spec("run", "google_id_token", Map.of("service_account_credential", "run_sa",
                "target_audience", "https://svc.example.run.app")));
        Map<?, ?> token = (Map<?, ?>) k.values().get("run");
        assertThat(token.get("id_token")).isEqualTo("idt-for-https://svc.example.run.app");
        assertThat(token.get("access_token")).isEqualTo(token.get("id_token"));
        assertThat(token.get("token_type")).isEqualTo("Bearer");
        assertThat(token.get("audience")).isEqualTo("https://svc.example.run.app");
        assertThat(tokens.requests.get(0)).containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
    }

    @Test
    @DisplayName("secrets with provider gcp read each path from Secret Manager with the auth credential's token")
    void secretsFromSecretManagerWithTheAuthCredentialsToken() throws Exception {
        env.put("NOETL_CREDENTIAL_GCP", Json.string(Map.of("name", "gcp", "type", "google_service_account",
                "data", tokens.serviceAccount())));
        env.put("NOETL_GCP_SECRET_MANAGER_URL", tokens.base());
        tokens.secrets.put("projects/p1/secrets/openai/versions/latest", "sk-secret-1");
        Keychain k = resolve(spec("openai_token", "secrets", Map.of("provider", "gcp", "auth", "gcp",
                "map", Map.of("api_key", "projects/p1/secrets/openai"))));
        assertThat(k.values().get("openai_token")).isEqualTo(Map.of("api_key", "sk-secret-1"));
        assertThatThrownBy(() -> resolve(spec("x", "secrets", Map.of("provider", "gcp", "auth", "gcp",
                "map", Map.of("k", "projects/p1/secrets/missing")))).values().get("x"))
                .isInstanceOf(KeychainException.class).hasMessageContaining("HTTP 404");
    }

    @Test
    @DisplayName("an entry fetched over the network is resolved when first read; one that fails fails only its readers")
    void networkEntriesResolveWhenReadAndFailOnlyTheirReaders() throws Exception {
        tokens.status = 503;
        Keychain k = resolve(spec("down", "oauth2", Map.of("endpoint", tokens.base() + "/oauth/token",
                        "data", Map.of("client_id", "cid", "client_secret", "csecret"))),
                spec("fine", "static", Map.of("map", Map.of("a", "b"))));
        assertThat(tokens.requests).isEmpty();
        assertThat(k.values().get("fine")).isEqualTo(Map.of("a", "b"));
        assertThatThrownBy(() -> k.values().get("down")).isInstanceOf(KeychainException.class);
        assertThat(k.lastFailure()).isPresent();
        assertThat(k.values().keySet()).containsExactly("fine");
        assertThatThrownBy(() -> k.values().get("down")).isInstanceOf(KeychainException.class);
        assertThat(tokens.requests).hasSize(1);
    }

    @Test
    void secretsWithProviderEnvReadEnvironmentVariablesAndUnknownKindsAreNamed() throws Exception {
        env.put("OPENAI_KEY", "sk-env");
        assertThat(resolve(spec("o", "secrets", Map.of("provider", "env", "map", Map.of("api_key", "OPENAI_KEY"))))
                .values().get("o")).isEqualTo(Map.of("api_key", "sk-env"));
        assertThatThrownBy(() -> resolve(spec("v", "vault", Map.of())).values().get("v"))
                .hasMessageContaining("keychain entry 'v' (vault): kind 'vault' is not supported here");
    }
}
