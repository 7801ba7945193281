package io.noetl.insights.generate;

import io.noetl.insights.generate.Action.Kind;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** The verbs (and nouns) that make a clause one kind of step; the earliest match in a clause wins. */
final class KindWords {

    static final Map<Kind, Pattern> PATTERNS;

    static {
        Map<Kind, Pattern> p = new LinkedHashMap<>();
        p.put(Kind.NOTIFY, words("notif\\w*|alert\\w*|e-?mail\\w*|slack|send\\w*|post(s|ed)?|publish\\w*|push\\w*"
                + "|webhook\\w*|page the|message"));
        p.put(Kind.FETCH, words("fetch\\w*|call\\w*|get|gets|download\\w*|pull\\w*|request\\w*|retriev\\w*"
                + "|scrap\\w*|crawl\\w*|api|http\\w*|endpoint"));
        p.put(Kind.QUERY, words("quer\\w*|select\\w*|read from (the )?(table|database|db)"));
        p.put(Kind.LOAD, words("load\\w*|insert\\w*|upsert\\w*|writ\\w* (it |them |the \\w+ )?(to|into)"
                + "|stor\\w*|sav\\w*|persist\\w*|warehouse|record\\w*|archiv\\w*|merge into|copy into"));
        p.put(Kind.SHELL, words("shell|bash|script|run (a |the )?command|execute (a |the )?command|cli"));
        p.put(Kind.COMPUTE, words("transform\\w*|check\\w*|validat\\w*|verif\\w*|comput\\w*|calculat\\w*"
                + "|clean\\w*|pars\\w*|aggregat\\w*|enrich\\w*|scor\\w*|filter\\w*|dedupe\\w*|normali[sz]\\w*"
                + "|train\\w*|analy[sz]\\w*|summari[sz]\\w*|convert\\w*|process\\w*|prepar\\w*|evaluat\\w*"
                + "|predict\\w*|test\\w*|compar\\w*|join\\w*|map\\w*|generat\\w*|build\\w*"));
        PATTERNS = Collections.unmodifiableMap(p);
    }

    private KindWords() {
    }

    private static Pattern words(String alternatives) {
        return Pattern.compile("\\b(?:" + alternatives + ")\\b");
    }
}
