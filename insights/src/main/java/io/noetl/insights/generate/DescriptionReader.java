package io.noetl.insights.generate;

import io.noetl.insights.generate.Action.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what a description asks for, clause by clause: actions by their verbs, branches on stated thresholds,
 * retries where it says flaky or retry, time limits and "for each" loops.
 */
final class DescriptionReader {

    /** An action or a condition, in the description's order. */
    sealed interface Part permits Step, Branch {
    }

    record Step(Action action) implements Part {
    }

    record Branch(Condition condition) implements Part {
    }

    private static final String VERBS = "fetch|call|get|download|pull|request|retrieve|scrape|read|query|select"
            + "|load|insert|upsert|write|store|save|persist|transform|check|validate|verify|compute|calculate|clean"
            + "|parse|aggregate|enrich|score|filter|dedupe|normalize|train|analy[sz]e|summari[sz]e|convert|process"
            + "|prepare|evaluate|predict|notify|alert|email|send|post|publish|push|approve|review|ask|run|execute"
            + "|export|import|sync|merge|update|delete|archive|generate|build|deploy|test|compare|record";
    private static final Pattern SPLIT = Pattern.compile("(?i)\\s*(?:;|\\.\\s+|\\.$|,?\\s*\\b(?:and then|then|after"
            + " that|afterwards|finally|next)\\b,?|,\\s*(?:and\\s+)?(?=(?:" + VERBS + "|if|when|unless|otherwise|else)"
            + "\\b)|\\s+and\\s+(?=(?:" + VERBS + ")\\b)|->|→)\\s*");
    private static final Pattern CONDITION = Pattern.compile("(?i)^(?:if|when|whenever|unless)\\s+(?:the\\s+)?"
            + "([a-z][a-z0-9_ ]*?)\\s*(<=|>=|==|!=|<|>|=|(?:is\\s+)?(?:below|above|under|over|less than|more than"
            + "|greater than|lower than|higher than|at least|at most|exceeds|drops below|falls below))\\s*"
            + "(-?\\d+(?:\\.\\d+)?)\\s*(%?)\\s*,?\\s*(.*)$");
    private static final Pattern OTHERWISE = Pattern.compile("(?i)^(?:otherwise|else|if not)\\b,?\\s*(.*)$");
    private static final Pattern FLAKY = Pattern.compile("(?i)\\b(flak\\w*|retr(?:y|ies|ied)|unreliable|intermittent"
            + "\\w*|transient|rate[- ]limit\\w*|times? out|timeouts?)\\b");
    private static final Pattern TIMEOUT = Pattern.compile("(?i)\\b(?:timeout|within|time limit of|at most)\\s+(?:of"
            + "\\s+)?(\\d{1,5})\\s*(s|secs?|seconds?|m|mins?|minutes?|h|hours?)\\b");
    private static final Pattern EACH = Pattern.compile("(?i)\\bfor (?:each|every)\\s+([a-z][a-z0-9_]*)");
    private static final Map<String, String> OPERATORS = Map.ofEntries(Map.entry("below", "<"),
            Map.entry("under", "<"), Map.entry("less than", "<"), Map.entry("lower than", "<"),
            Map.entry("drops below", "<"), Map.entry("falls below", "<"), Map.entry("above", ">"),
            Map.entry("over", ">"), Map.entry("more than", ">"), Map.entry("greater than", ">"),
            Map.entry("higher than", ">"), Map.entry("exceeds", ">"), Map.entry("at least", ">="),
            Map.entry("at most", "<="), Map.entry("=", "=="));

    private DescriptionReader() {
    }

    /** Template markup removed, one line: the description's words are copied into the playbook as plain text. */
    static String plain(String s) {
        return s.replaceAll("\\{[{%#]|[}%#]}", " ").replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    }

    static boolean mentionsRetry(String description) {
        return FLAKY.matcher(description).find();
    }

    static List<Part> read(String description) {
        List<String> clauses = new ArrayList<>();
        for (String c : SPLIT.split(plain(description))) {
            if (!c.isBlank()) {
                clauses.add(c.strip());
            }
        }
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < clauses.size(); i++) {
            Matcher m = CONDITION.matcher(clauses.get(i));
            if (m.matches()) {
                String then = m.group(5).isBlank() && i + 1 < clauses.size() ? clauses.get(++i) : m.group(5);
                Action otherwise = null;
                if (i + 1 < clauses.size()) {
                    Matcher o = OTHERWISE.matcher(clauses.get(i + 1));
                    if (o.matches() && !o.group(1).isBlank()) {
                        otherwise = action(o.group(1));
                        i++;
                    }
                }
                if (!then.isBlank()) {
                    parts.add(new Branch(new Condition(metric(m.group(1)), operator(m.group(2)), value(m.group(3),
                            m.group(4)), action(then), otherwise)));
                }
                continue;
            }
            Matcher o = OTHERWISE.matcher(clauses.get(i));
            String text = o.matches() ? o.group(1) : clauses.get(i);
            if (!text.isBlank() && isAction(text)) {
                parts.add(new Step(action(text)));
            }
        }
        return parts;
    }

    /** A clause asks for something when it has a verb, or at least one word that is not filler. */
    private static boolean isAction(String text) {
        return !Names.words(text).isEmpty();
    }

    static Action action(String text) {
        Matcher t = TIMEOUT.matcher(text);
        String timeout = t.find() ? t.group(1) + t.group(2).substring(0, 1).toLowerCase(Locale.ROOT) : null;
        Matcher each = EACH.matcher(text);
        String noun = each.find() ? singular(each.group(1).toLowerCase(Locale.ROOT)) : null;
        return new Action(text, kind(text), FLAKY.matcher(text).find(), timeout, noun);
    }

    /** @return the kind the clause's earliest verb names, or null when no verb of a kind is in it */
    static Kind kind(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.matches(".*\\b(approv\\w*|review\\w*|sign[- ]?off|human|manual(ly)? (check|review)|a person"
                + "|someone)\\b.*")) {
            return Kind.DECISION;
        }
        Kind best = null;
        int at = Integer.MAX_VALUE;
        for (Map.Entry<Kind, Pattern> e : KindWords.PATTERNS.entrySet()) {
            Matcher m = e.getValue().matcher(t);
            if (m.find() && m.start() < at) {
                at = m.start();
                best = e.getKey();
            }
        }
        return best;
    }

    private static String metric(String words) {
        String name = String.join("_", Names.words(words));
        return name.isEmpty() ? "value" : Names.safe(name);
    }

    private static String operator(String op) {
        String o = op.toLowerCase(Locale.ROOT).replaceFirst("^is\\s+", "");
        return OPERATORS.getOrDefault(o, o);
    }

    private static String value(String number, String percent) {
        if (percent.isEmpty()) {
            return number;
        }
        return new BigDecimal(number).movePointLeft(2).stripTrailingZeros().toPlainString();
    }

    private static String singular(String noun) {
        return noun.endsWith("ies") ? noun.substring(0, noun.length() - 3) + "y"
                : noun.endsWith("s") && !noun.endsWith("ss") ? noun.substring(0, noun.length() - 1) : noun;
    }
}
