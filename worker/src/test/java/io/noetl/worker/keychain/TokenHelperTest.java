package io.noetl.worker.keychain;

import static io.noetl.worker.Commands.command;
import static io.noetl.worker.Commands.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.schemas.Json;
import io.noetl.schemas.command.Command;
import io.noetl.worker.cancel.CancelRegistry;
import io.noetl.worker.event.WorkerEvents;
import io.noetl.worker.redact.Redactor;
import io.noetl.worker.tool.ToolExecution;
import io.noetl.worker.tool.ToolOutcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** token(...) and auth credentials through the tool executor, against {@link TokenServer}. */
class TokenHelperTest {

    private TokenServer tokens;

    @BeforeEach
    void start() throws Exception {
        tokens = new TokenServer();
    }

    @AfterEach
    void stop() {
        tokens.close();
    }

    @Test
    @DisplayName("token(credential) renders the credential's bearer token into the tool; the event hides it")
    void tokenRendersABearerTokenThatEventsHide() throws Exception {
        Map<String, String> env = Map.of("NOETL_CREDENTIAL_SVC", Json.string(Map.of("client_id", "cid",
                "client_secret", "csecret", "token_url", tokens.base() + "/oauth/token")),
                "NOETL_CREDENTIAL_GOOGLE_OAUTH", Json.string(tokens.serviceAccount()));
        Command c = command("shell", Map.of("cmds", List.of("echo \"{{ token(workload.auth) }}\"",
                "echo \"{{ token('google_oauth', 'https://api.example.com/') }} {{ token('google_oauth') }}\"")),
                Map.of("workload", Map.of("auth", "svc")), List.of(), null);
        ToolExecution ex = run(c, env, new CancelRegistry());
        ToolOutcome.Succeeded ok = (ToolOutcome.Succeeded) ex.outcome();
        assertThat(ok.result().path("stdout").asText())
                .isEqualTo("at-1\nidt-for-https://api.example.com/ sa-access-token\n");
        assertThat(ex.keychain().secrets()).contains("at-1", "csecret", "idt-for-https://api.example.com/",
                "sa-access-token");
        String event = Json.string(new WorkerEvents(c, 1, "w1").call(ok, 5, new Redactor(ex.keychain().secrets())));
        assertThat(event).doesNotContain("at-1").doesNotContain("sa-access-token").contains("***");
    }

    @Test
    @DisplayName("token() of an unknown credential is a keychain error naming where it was looked for")
    void tokenOfAnUnknownCredentialIsAKeychainError() throws Exception {
        ToolOutcome.Failed failed = (ToolOutcome.Failed) run(command("shell",
                Map.of("command", "echo {{ token('nope') }}"))).outcome();
        assertThat(failed.error().type()).isEqualTo("KeychainError");
        assertThat(failed.error().message()).contains("token('nope')").contains("NOETL_CREDENTIAL_NOPE");
        assertThat(failed.error().retriable()).isFalse();
    }

    @Test
    @DisplayName("a token endpoint that is down makes token() a retriable keychain error, not a template error")
    void aTokenEndpointThatIsDownIsRetriable() throws Exception {
        tokens.status = 503;
        Map<String, String> env = Map.of("NOETL_CREDENTIAL_SVC", Json.string(Map.of("client_id", "cid",
                "client_secret", "csecret", "token_url", tokens.base() + "/oauth/token")));
        ToolExecution ex = run(command("shell", Map.of("command", "echo {{ token('svc') }}")), env,
                new CancelRegistry());
        ToolOutcome.Failed failed = (ToolOutcome.Failed) ex.outcome();
        assertThat(failed.error().type()).isEqualTo("KeychainError");
        assertThat(failed.error().retriable()).isTrue();
        assertThat(failed.error().message()).contains("HTTP 503").doesNotContain("csecret");
    }

    @Test
    @DisplayName("a step that does not read a failing keychain entry runs; one that reads it fails with its error")
    void aFailingKeychainEntryFailsOnlyTheToolsThatReadIt() throws Exception {
        tokens.status = 503;
        List<io.noetl.schemas.playbook.KeychainEntry> keychain = List.of(new io.noetl.schemas.playbook.KeychainEntry(
                "api", "oauth2", null, null, Map.of("endpoint", tokens.base() + "/oauth/token",
                "data", Map.of("client_id", "cid", "client_secret", "csecret"))));
        ToolOutcome ok = run(command("shell", Map.of("command", "echo fine"), Map.of(), keychain, null)).outcome();
        assertThat(ok).isInstanceOf(ToolOutcome.Succeeded.class);
        ToolExecution ex = run(command("shell", Map.of("command", "echo {{ keychain.api.access_token }}"), Map.of(),
                keychain, null));
        ToolOutcome.Failed failed = (ToolOutcome.Failed) ex.outcome();
        assertThat(failed.error().type()).isEqualTo("KeychainError");
        assertThat(failed.error().message()).startsWith("keychain entry 'api' (oauth2): POST ").contains("HTTP 503");
        assertThat(failed.error().retriable()).isTrue();
    }

    @Test
    @DisplayName("python code that does not mention the keychain does not fetch its tokens; code that does reads them")
    void pythonFetchesKeychainTokensOnlyWhenItsCodeMentionsTheKeychain() throws Exception {
        List<io.noetl.schemas.playbook.KeychainEntry> keychain = List.of(new io.noetl.schemas.playbook.KeychainEntry(
                "api", "oauth2", null, null, Map.of("endpoint", tokens.base() + "/oauth/token",
                "data", Map.of("client_id", "cid", "client_secret", "csecret"))));
        ToolOutcome plain = run(command("python", Map.of("code", "result = 1"), Map.of(), keychain, null)).outcome();
        assertThat(plain).isInstanceOf(ToolOutcome.Succeeded.class);
        assertThat(tokens.requests).isEmpty();
        ToolExecution ex = run(command("python", Map.of("code",
                "result = {'has': keychain.api.access_token.startswith('at-')}"), Map.of(), keychain, null));
        assertThat(((ToolOutcome.Succeeded) ex.outcome()).result().path("has").asBoolean()).isTrue();
        assertThat(tokens.requests).hasSize(1);
        assertThat(ex.keychain().secrets()).contains("at-1");
    }
}
