package io.noetl.insights.reasoner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import io.noetl.insights.generate.NearPlaybook;
import io.noetl.insights.generate.PlaybookValidator;
import io.noetl.schemas.Json;
import io.noetl.schemas.playbook.Problem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A playbook written by the model: its YAML is checked by the server's own validation, and the problems go back to
 * the model to repair, for at most {@value #ROUNDS} rounds, all within {@value #ROUNDS} times the model's timeout.
 * Only step names and tools of the nearest playbooks reach the prompt, never their sources (which may hold
 * headers or keychain values).
 */
final class LlmPlaybookWriter {

    /** Model calls per playbook: the first answer and two repairs. */
    static final int ROUNDS = 3;
    private static final int MAX_PROBLEMS = 20;

    private static final String SYSTEM = """
            You write workflow playbooks in NoETL's YAML DSL from a description.
            %s
            The description is between <description> and </description>; the nearest registered playbooks are in \
            the data (as "step (tool)" lists) and may be drawn on.
            The DSL:
            apiVersion: noetl.io/v2
            kind: Playbook
            metadata: {name: snake_case_name, path: folder/name, description: one line}
            workload: {key: default value}            # read as {{ workload.key }}
            keychain: [{name: pg, kind: postgres, env: PG_URL}]   # kinds: secret, postgres, http_bearer; name an \
            environment variable with env, never write a secret
            workflow:                                 # a list of steps; the first is `start`, the last `end` (no tool)
              - step: name                            # letters, digits and _; unique
                desc: what it does
                tool: {kind: python, code: "result = {...}"}          # the step's result is the `result` variable
                # other tools: {kind: http, method: GET, url: ..., headers: {...}, body: {...}}
                #   {kind: postgres, connection: "{{ keychain.pg }}", command: SQL}  (or table + data)
                #   {kind: duckdb, database: file.duckdb, command: SQL}           (or table + data)
                #   {kind: shell, command: ...}  {kind: playbook, path: other/playbook}  noop
                spec: {timeout: 30s}                  # wait for a person: {wait: decision, wait_timeout: 24h}, \
            then {{ name.action }} is approve or reject
                retry: {max_attempts: 3, backoff: exponential, delay: 1s}
                loop: {in: "{{ workload.items }}", iterator: item, spec: {mode: parallel, max_in_flight: 4}}
                next:                                 # arcs, tried in order; an arc without `when` is the else
                  - step: other_step
                    when: "{{ name.score < 0.9 }}"
                  - step: end
            Templates are Jinja2: {{ step_name.field }} reads a field of an earlier step's result; also \
            {{ execution_id }} and {{ iter.item }} in a loop. Every arc names a step of the workflow; every step is \
            reachable from start.
            Answer with one JSON object and nothing else: {"yaml": "<the whole playbook>"}
            """;

    private final LlmClient llm;

    LlmPlaybookWriter(LlmClient llm) {
        this.llm = llm;
    }

    /**
     * @throws LlmClient.Failure when the model does not answer in time
     * @throws AnswerRejected    when no answer passed validation within {@value #ROUNDS} rounds
     */
    Reasoner.Written write(PlaybookDraft draft, PlaybookValidator validator) {
        Instant deadline = llm.deadline(ROUNDS);
        List<ChatMessage> messages = new ArrayList<>(List.of(SystemMessage.from(SYSTEM.formatted(DataBlock.RULE)),
                UserMessage.from(request(draft))));
        for (int round = 1; round <= ROUNDS; round++) {
            String text = llm.complete(messages, deadline);
            String problems;
            try {
                String yaml = yaml(text);
                List<Problem> found = validator.problems(yaml);
                if (found.isEmpty()) {
                    return new Reasoner.Written(yaml, llm.name());
                }
                problems = found.stream().limit(MAX_PROBLEMS).map(Problem::toString)
                        .collect(Collectors.joining("\n- ", "- ", ""));
            } catch (AnswerRejected e) {
                problems = "- " + e.getMessage() + ": answer with {\"yaml\": \"<the whole playbook>\"}";
            }
            messages.add(AiMessage.from(text));
            messages.add(UserMessage.from("The playbook was rejected by the server's validation:\n" + problems
                    + "\nFix every problem and answer with the whole corrected playbook as {\"yaml\": \"...\"}."));
        }
        throw new AnswerRejected("playbook still invalid after " + ROUNDS + " rounds");
    }

    private static String request(PlaybookDraft draft) {
        ObjectNode data = Json.object();
        ArrayNode nearest = data.putArray("nearest_playbooks");
        for (NearPlaybook p : draft.nearest()) {
            ObjectNode n = nearest.addObject();
            n.put("path", p.path());
            n.put("score", p.score());
            ArrayNode steps = n.putArray("steps");
            p.steps().forEach(s -> steps.add(PromptScrub.text(s)));
        }
        String description = PromptScrub.text(draft.description()).replace("</description>", "");
        return "Write a playbook for this description.\n<description>\n" + description + "\n</description>\n"
                + DataBlock.of(data);
    }

    private static String yaml(String text) {
        JsonNode answer = ModelJson.object(text);
        return ModelJson.text(answer, "yaml") + "\n";
    }
}
