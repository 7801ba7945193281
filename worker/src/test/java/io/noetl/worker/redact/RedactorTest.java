package io.noetl.worker.redact;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.noetl.schemas.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private final Redactor redactor = new Redactor(List.of("s3cr3t-value", " "));

    @Test
    void hidesKeychainValuesInsideText() {
        assertThat(redactor.text("connecting with s3cr3t-value now")).isEqualTo("connecting with *** now");
    }

    @Test
    void mysqlsUsingPasswordYesStaysReadableWhileARealValueIsHidden() {
        Redactor r = Redactor.patternsOnly();
        assertThat(r.text("Access denied for user 'etl'@'10.0.0.5' (using password: YES)"))
                .isEqualTo("Access denied for user 'etl'@'10.0.0.5' (using password: YES)");
        assertThat(r.text("(using password: NO)")).isEqualTo("(using password: NO)");
        assertThat(r.text("password: YESMAN) retry")).isEqualTo("password: *** retry");
    }

    @Test
    void hidesCredentialLookingPatterns() {
        Redactor r = Redactor.patternsOnly();
        assertThat(r.text("login password=hunter2 ok")).isEqualTo("login password=*** ok");
        assertThat(r.text("db_pwd: abc123")).isEqualTo("db_pwd: ***");
        assertThat(r.text("?api_key=XYZ&page=2")).isEqualTo("?api_key=***&page=2");
        assertThat(r.text("{\"access_token\": \"tok-1\", \"n\": 1}")).isEqualTo("{\"access_token\": \"***\", \"n\": 1}");
        assertThat(r.text("Authorization: Bearer eyJhbGciOi.x.y")).isEqualTo("Authorization: Bearer ***");
        assertThat(r.text("Authorization: Basic dXNlcjpwYXNz")).isEqualTo("Authorization: Basic ***");
        assertThat(r.text("postgresql://admin:pa55@db:5432/x")).isEqualTo("postgresql://admin:***@db:5432/x");
        assertThat(r.text("key AKIAABCDEFGHIJKLMNOP used")).isEqualTo("key *** used");
        assertThat(r.text("a\n-----BEGIN RSA PRIVATE KEY-----\nMIIE\nabc\n-----END RSA PRIVATE KEY-----\nb"))
                .isEqualTo("a\n***\nb");
        assertThat(r.text("nothing secret about tokens here")).isEqualTo("nothing secret about tokens here");
    }

    @Test
    void redactsJsonTreeValuesAndCredentialKeysWithoutTouchingOtherData() {
        JsonNode in = Json.toTree(Map.of("user", "ann", "password", "pw-123", "nested",
                Map.of("list", List.of("x s3cr3t-value y", 5), "count", 3, "token", 42)));
        JsonNode out = redactor.json(in);
        assertThat(out.path("user").asText()).isEqualTo("ann");
        assertThat(out.path("password").asText()).isEqualTo("***");
        assertThat(out.path("nested").path("list").get(0).asText()).isEqualTo("x *** y");
        assertThat(out.path("nested").path("list").get(1).asInt()).isEqualTo(5);
        assertThat(out.path("nested").path("count").asInt()).isEqualTo(3);
        assertThat(out.path("nested").path("token").asText()).isEqualTo("***");
        assertThat(in.path("password").asText()).isEqualTo("pw-123");
    }

    @Test
    void replacesAnOversizedResultWithAPreviewAndMarksItTruncated() {
        List<String> truncated = new ArrayList<>();
        JsonNode big = Json.toTree(Map.of("blob", "x".repeat(70_000)));
        JsonNode out = Bounds.result(big, truncated);
        assertThat(out.path("truncated").asBoolean()).isTrue();
        assertThat(out.path("size").asInt()).isGreaterThan(70_000);
        assertThat(out.path("preview").asText()).hasSize(Bounds.PREVIEW_CHARS);
        assertThat(truncated).containsExactly("result");
    }

    @Test
    void keepsTheTailOfLongLogs() {
        List<String> truncated = new ArrayList<>();
        String logs = "a".repeat(20_000) + "THE END";
        String out = Bounds.logs(logs, truncated);
        assertThat(out).hasSize(Bounds.LOGS_CHARS).endsWith("THE END");
        assertThat(truncated).containsExactly("logs");
    }

    @Test
    void aLongRunOfLettersIsScannedInLinearTimeAndUrlCredentialsAreStillHidden() {
        String text = "x".repeat(200_000) + " postgresql://app:pw-123@db:5432/x jdbc:postgresql://u:pw-456@h/d";
        long start = System.nanoTime();
        String out = new Redactor(List.of()).text(text);
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3_000);
        assertThat(out).endsWith(" postgresql://app:***@db:5432/x jdbc:postgresql://u:***@h/d");
    }
}
