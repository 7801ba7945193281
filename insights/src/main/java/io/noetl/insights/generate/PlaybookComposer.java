package io.noetl.insights.generate;

import io.noetl.insights.generate.Action.Kind;
import io.noetl.insights.generate.DescriptionReader.Branch;
import io.noetl.insights.generate.DescriptionReader.Part;
import io.noetl.insights.reasoner.PlaybookDraft;
import io.noetl.schemas.playbook.PlaybookParser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A playbook composed from what a description asks, without a model: one step per action in the order written
 * (fetch/call/get → http, query/load/insert/upsert → postgres or duckdb, transform/check/validate/compute →
 * python, approve/review → a wait for a person's decision), a branch for each stated threshold, retries where the
 * description says flaky or retry, step names and tools borrowed from the nearest registered playbooks.
 */
public final class PlaybookComposer {

    private static final Pattern POSTGRES = Pattern.compile("(?i)\\b(postgres|postgresql|pg)\\b");
    private static final Map<String, Object> RETRY = ToolSketches.ordered("max_attempts", 4, "backoff",
            "exponential", "delay", "1s");

    private final Set<String> taken = new HashSet<>(Set.of("start", "end"));
    private final List<StepSketch> steps = new ArrayList<>();
    private final ToolSketches tools;
    private final Nearest nearest;
    private final String description;
    /** Arcs still waiting for the next step: from a step, under a condition (null: unconditional or else). */
    private List<Link> open = new ArrayList<>();

    private record Link(StepSketch from, String when) {
    }

    private PlaybookComposer(PlaybookDraft draft) {
        this.description = DescriptionReader.plain(draft.description());
        this.tools = new ToolSketches(POSTGRES.matcher(description).find());
        this.nearest = new Nearest(draft.nearest());
    }

    /** @return the playbook's YAML */
    public static String compose(PlaybookDraft draft) {
        return new PlaybookComposer(draft).build();
    }

    private String build() {
        StepSketch start = new StepSketch("start", "Begin", null, null);
        steps.add(start);
        open.add(new Link(start, null));
        List<Part> parts = DescriptionReader.read(description);
        boolean noVerb = parts.stream()
                .allMatch(p -> p instanceof DescriptionReader.Step s && s.action().kind() == null);
        if (noVerb && !nearest.skeleton().isEmpty()) {
            parts = nearest.skeleton();
        } else if (parts.isEmpty()) {
            parts = List.of(new DescriptionReader.Step(DescriptionReader.action(description)));
        }
        for (Part part : parts) {
            switch (part) {
                case DescriptionReader.Step s -> then(step(s.action()));
                case Branch b -> branch(b.condition());
            }
        }
        if (DescriptionReader.mentionsRetry(description) && steps.stream().noneMatch(s -> s.retry != null)) {
            retryCalls();
        }
        StepSketch end = new StepSketch("end", "Done", null, null);
        then(end);
        return YamlText.dump(document(), "Generated from: " + abbreviate(description, 200));
    }

    /** Joins every open arc to {@code s}; {@code s} is the next open end. */
    private void then(StepSketch s) {
        connect(s);
        open = new ArrayList<>(List.of(new Link(s, approved(s))));
    }

    private void connect(StepSketch s) {
        for (Link l : open) {
            l.from().arc(s.name, l.when());
        }
        if (!steps.contains(s)) {
            steps.add(s);
        }
    }

    private void branch(Condition c) {
        StepSketch producer = open.size() == 1 && "python".equals(open.getFirst().from().toolKind)
                ? open.getFirst().from() : null;
        if (producer == null) {
            String words = "compute " + c.metric();
            producer = new StepSketch(Names.of(words, "compute_value", taken), "Compute " + c.metric(),
                    tools.tool(Kind.COMPUTE, null, words, null), words);
            then(producer);
        }
        producer.metrics.add(c.metric());
        producer.tool.put("code", ToolSketches.code(producer.words, producer.metrics));
        String when = "{{ " + producer.name + "." + c.metric() + " " + c.operator() + " " + c.value() + " }}";
        StepSketch yes = step(c.then());
        producer.arc(yes.name, when);
        steps.add(yes);
        if (c.otherwise() == null) {
            open = new ArrayList<>(List.of(new Link(yes, approved(yes)), new Link(producer, null)));
            return;
        }
        StepSketch no = step(c.otherwise());
        producer.arc(no.name, null);
        if (yes.waitsForDecision()) {
            yes.arc(no.name, approved(yes));
            steps.add(no);
            open = new ArrayList<>(List.of(new Link(no, approved(no))));
        } else {
            steps.add(no);
            open = new ArrayList<>(List.of(new Link(yes, null), new Link(no, approved(no))));
        }
    }

    private StepSketch step(Action a) {
        Nearest.Match match = nearest.match(a, taken);
        String name = match != null ? match.name() : Names.of(fromVerb(a.text()), "step", taken);
        Kind kind = a.kind() != null ? a.kind() : Kind.COMPUTE;
        Map<String, Object> tool = a.kind() == null && match != null ? tools.placeholder(match.toolKind(), name)
                : tools.tool(kind, name, a.text(), null);
        StepSketch s = new StepSketch(name, abbreviate(a.text(), 200), tool, a.text());
        if (kind == Kind.DECISION) {
            s.spec.put("wait", "decision");
            s.spec.put("wait_timeout", "24h");
        }
        if (a.timeout() != null) {
            s.spec.put("timeout", a.timeout());
        }
        if (a.retry() && tool != null) {
            s.retry = RETRY;
        }
        if (a.loopNoun() != null && tool != null) {
            String items = a.loopNoun() + "_list";
            tools.workload.putIfAbsent(items, List.of("example_1", "example_2"));
            s.loop = ToolSketches.ordered("in", "{{ workload." + items + " }}", "iterator", a.loopNoun(), "spec",
                    ToolSketches.ordered("mode", "parallel", "max_in_flight", 4));
        }
        return s;
    }

    /** Retries for the steps that call out (http, else SQL or shell) when only the description as a whole asks. */
    private void retryCalls() {
        List<StepSketch> http = steps.stream().filter(s -> "http".equals(s.toolKind)).toList();
        List<StepSketch> calls = http.isEmpty() ? steps.stream().filter(s -> s.toolKind != null
                && !"python".equals(s.toolKind)).toList() : http;
        (calls.isEmpty() ? steps.stream().filter(s -> s.tool != null).toList() : calls).forEach(s -> s.retry = RETRY);
    }

    /** The words from the clause's first verb on ("every night pull invoices" → "pull invoices"). */
    private static String fromVerb(String text) {
        int at = text.length();
        String lower = text.toLowerCase(Locale.ROOT);
        for (Pattern p : KindWords.PATTERNS.values()) {
            Matcher m = p.matcher(lower);
            if (m.find()) {
                at = Math.min(at, m.start());
            }
        }
        return at < text.length() ? text.substring(at) : text;
    }

    private static String approved(StepSketch s) {
        return s.waitsForDecision() ? "{{ " + s.name + ".action == 'approve' }}" : null;
    }

    private Map<String, Object> document() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("apiVersion", PlaybookParser.API_VERSION);
        doc.put("kind", PlaybookParser.KIND);
        String name = Names.of(description, "generated_playbook", new HashSet<>());
        doc.put("metadata", ToolSketches.ordered("name", name, "path", "generated/" + name, "description",
                abbreviate(description, 200)));
        if (!tools.workload.isEmpty()) {
            doc.put("workload", tools.workload);
        }
        if (tools.usesPostgres()) {
            doc.put("keychain", List.of(ToolSketches.ordered("name", ToolSketches.PG_KEY, "kind", "postgres",
                    "env", ToolSketches.PG_ENV)));
        }
        doc.put("workflow", steps.stream().map(StepSketch::toMap).toList());
        return doc;
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
