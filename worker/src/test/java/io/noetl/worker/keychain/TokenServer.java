package io.noetl.worker.keychain;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.noetl.schemas.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A token endpoint and a Secret Manager written for the tests (JDK HttpServer): {@code /oauth/token} runs the client
 * credentials grant for client {@code cid}/{@code csecret}; {@code /google/token} checks a service-account JWT
 * against {@link #keys} and answers an ID token (with {@code target_audience}) or an access token (with
 * {@code scope}); {@code /v1/<path>:access} answers the secret of {@link #secrets} for the right bearer token.
 */
final class TokenServer implements AutoCloseable {

    final KeyPair keys;
    final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    final Map<String, String> secrets = new java.util.concurrent.ConcurrentHashMap<>();
    private final HttpServer server;
    volatile int status = 200;

    TokenServer() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/oauth/token", this::oauth);
        server.createContext("/google/token", this::google);
        server.createContext("/v1/", this::secret);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A service-account key file whose token URI is this server. */
    Map<String, Object> serviceAccount() {
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(
                keys.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
        Map<String, Object> sa = new LinkedHashMap<>();
        sa.put("type", "service_account");
        sa.put("client_email", "runner@test.iam.gserviceaccount.com");
        sa.put("private_key", pem);
        sa.put("token_uri", base() + "/google/token");
        return sa;
    }

    private void oauth(HttpExchange ex) throws IOException {
        Map<String, String> form = form(ex);
        requests.add(form);
        if (status != 200) {
            respond(ex, status, "{\"error\":\"temporarily_unavailable\",\"echo\":\"" + form.get("client_secret")
                    + "\"}");
        } else if ("cid".equals(form.get("client_id")) && "csecret".equals(form.get("client_secret"))) {
            respond(ex, 200, "{\"access_token\":\"at-" + requests.size() + "\",\"token_type\":\"Bearer\","
                    + "\"expires_in\":3600}");
        } else {
            respond(ex, 401, "{\"error\":\"invalid_client\"}");
        }
    }

    private void google(HttpExchange ex) throws IOException {
        Map<String, String> form = form(ex);
        requests.add(form);
        String[] jwt = form.getOrDefault("assertion", "").split("\\.");
        try {
            Signature verify = Signature.getInstance("SHA256withRSA");
            verify.initVerify(keys.getPublic());
            verify.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
            if (!verify.verify(Base64.getUrlDecoder().decode(jwt[2]))) {
                respond(ex, 400, "{\"error\":\"invalid_grant\"}");
                return;
            }
            Map<String, Object> claims = Json.plainMap(Json.tree(Base64.getUrlDecoder().decode(jwt[1])));
            if (claims.get("target_audience") != null) {
                respond(ex, 200, "{\"id_token\":\"idt-for-" + claims.get("target_audience") + "\"}");
            } else {
                respond(ex, 200, "{\"access_token\":\"sa-access-token\",\"expires_in\":3599}");
            }
        } catch (Exception e) {
            respond(ex, 400, "{\"error\":\"invalid_grant\"}");
        }
    }

    private void secret(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath().substring("/v1/".length()).replace(":access", "");
        requests.add(Map.of("path", path, "auth", String.valueOf(ex.getRequestHeaders().getFirst("Authorization"))));
        String value = secrets.get(path);
        if (!"Bearer sa-access-token".equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            respond(ex, 401, "{\"error\":{\"status\":\"UNAUTHENTICATED\"}}");
        } else if (value == null) {
            respond(ex, 404, "{\"error\":{\"status\":\"NOT_FOUND\"}}");
        } else {
            respond(ex, 200, "{\"name\":\"" + path + "\",\"payload\":{\"data\":\""
                    + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "\"}}");
        }
    }

    private static Map<String, String> form(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void respond(HttpExchange ex, int code, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(code, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
