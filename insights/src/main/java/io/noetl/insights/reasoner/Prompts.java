package io.noetl.insights.reasoner;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import io.noetl.insights.diagnosis.Finding;
import io.noetl.insights.execution.ExecutionView;
import io.noetl.insights.execution.StepView;
import io.noetl.schemas.Json;
import io.noetl.schemas.error.ErrorClass;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The prompts of a diagnosis and of a question: a system prompt with the rules, the evidence as a data block. */
final class Prompts {

    static final String CLASSES = Arrays.stream(ErrorClass.values()).map(ErrorClass::wireName)
            .collect(Collectors.joining(", "));

    private static final String DIAGNOSIS = """
            You explain why a workflow execution failed (or retried, or stopped), using only the evidence given.
            %s
            Answer with one JSON object and nothing else:
            {"class": string or null, "step": string or null, "summary": string, "confidence": number, \
            "citations": [string]}
            - class: the root cause's class, one of: %s. null only when the execution had no error at all.
            - step: the step the root cause happened in, one of the execution's steps listed in the data, or null \
            when no step is named.
            - summary: one to three sentences grounded in the evidence: what failed, why, and what fixed a similar \
            failure when the evidence says so.
            - confidence: 0 to 1, how strongly the evidence decides the class.
            - citations: the ids of the evidence items the summary rests on (at least one); only ids from the data.
            """;

    private static final String QUESTION = """
            You answer questions about workflow executions, using only the evidence given.
            %s
            The question is between <question> and </question>.
            Answer with one JSON object and nothing else:
            {"answer": string, "citations": [string]}
            - answer: a short, direct answer in sentences, grounded in the evidence; when the evidence does not \
            answer the question, say so and say what is known.
            - citations: the ids of the evidence items the answer rests on (at least one when there is evidence); \
            only ids from the data.
            """;

    private Prompts() {
    }

    static List<ChatMessage> diagnosis(DiagnosisDraft d) {
        ObjectNode data = Json.object();
        data.set("execution", execution(d.execution()));
        Finding f = d.finding();
        ObjectNode rules = data.putObject("rules_found");
        rules.put("mode", f.mode().name().toLowerCase(Locale.ROOT));
        rules.put("class", f.errorClass() == null ? null : f.errorClass().wireName());
        rules.put("step", f.step());
        rules.put("confidence", d.confidence());
        data.set("items", DataBlock.items(d.evidence()));
        return List.of(SystemMessage.from(DIAGNOSIS.formatted(DataBlock.RULE, CLASSES)),
                UserMessage.from("Why did this execution end as it did?\n" + DataBlock.of(data)));
    }

    static List<ChatMessage> question(QuestionDraft q) {
        ObjectNode data = Json.object();
        if (q.diagnosis() != null) {
            data.set("execution", execution(q.diagnosis().execution()));
        }
        if (q.playbook() != null) {
            data.put("playbook", q.playbook());
        }
        data.set("items", DataBlock.items(q.evidence()));
        String question = PromptScrub.text(q.question()).replace("</question>", "");
        return List.of(SystemMessage.from(QUESTION.formatted(DataBlock.RULE)),
                UserMessage.from("<question>\n" + question + "\n</question>\n" + DataBlock.of(data)));
    }

    private static ObjectNode execution(ExecutionView x) {
        ObjectNode out = Json.object();
        out.put("execution_id", x.executionId());
        out.put("playbook", x.playbookPath());
        out.put("version", x.playbookVersion());
        out.put("status", x.status().name());
        ArrayNode steps = out.putArray("steps");
        for (StepView s : x.steps()) {
            steps.addObject().put("name", s.name()).put("status", s.status().name()).put("tool", s.toolKind());
        }
        return out;
    }
}
