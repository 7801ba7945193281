package io.noetl.insights.reasoner;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A last guard before text reaches a prompt: hides whatever still looks like a credential. Events are redacted by
 * the worker before they are published, so this should find nothing; it exists so that a value a producer missed
 * (a header pasted into a log, a connection string in an error) never leaves for a model endpoint.
 */
final class PromptScrub {

    static final String MASK = "***";

    private static final String KEYS = "(?:[A-Za-z0-9]*[_-])?(?:password|passwd|pwd|secret|token|api[_-]?key|apikey"
            + "|access[_-]?key|private[_-]?key|client[_-]?secret)";
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\\s\\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)");
    private static final Pattern AUTH = Pattern.compile(
            "(?i)(\\b(?:authorization|proxy-authorization|cookie|x-api-key)['\"]?\\s*[:=]\\s*['\"]?)([^'\"\\n,}]+)");
    private static final Pattern BEARER = Pattern.compile("(?i)(\\b(?:bearer|basic)\\s+)([A-Za-z0-9._~+/=-]{8,})");
    private static final Pattern KEY_VALUE = Pattern.compile(
            "(?i)(\\b" + KEYS + "\\b['\"]?\\s*[=:]\\s*['\"]?)([^\\s&,;'\"}]+)");
    private static final Pattern USERINFO = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*://[^/\\s:@]+:)([^/\\s@]+)(@)");
    private static final Pattern TOKEN_LIKE = Pattern.compile("\\b(?:sk-[A-Za-z0-9_-]{16,}|AKIA[0-9A-Z]{16}"
            + "|gh[pousr]_[A-Za-z0-9]{20,}|xox[abpr]-[A-Za-z0-9-]{10,})\\b");

    private PromptScrub() {
    }

    /** @return {@code text} with credential-looking values replaced by {@value #MASK}; null stays null */
    static String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = PEM.matcher(text).replaceAll(MASK);
        out = group(AUTH, out);
        out = group(BEARER, out);
        out = group(USERINFO, out);
        out = group(KEY_VALUE, out);
        return TOKEN_LIKE.matcher(out).replaceAll(MASK);
    }

    private static String group(Pattern p, String text) {
        Matcher m = p.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String rest = m.groupCount() >= 3 ? m.group(3) : "";
            String value = m.group(2);
            String replacement = value.equals(MASK) ? m.group() : m.group(1) + MASK + rest;
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
