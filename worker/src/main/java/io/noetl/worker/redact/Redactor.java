package io.noetl.worker.redact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides secrets before an event leaves the worker: every resolved keychain value, and whatever looks like a
 * credential ({@code password=…}, {@code "token": "…"}, {@code Authorization: Bearer …}, {@code user:pass@}
 * in URLs, AWS access keys, PEM private keys). Works on JSON tree values, so escaping never hides a secret.
 */
public final class Redactor {

    /** What a hidden value is replaced with. */
    public static final String MASK = "***";

    private static final String KEYS = "(?:[A-Za-z0-9]*[_-])?(?:password|passwd|pwd|secret|token|api[_-]?key|apikey"
            + "|access[_-]?key|secret[_-]?key|private[_-]?key|client[_-]?secret)";
    private static final Pattern SENSITIVE_KEY = Pattern.compile("(?i)^" + KEYS + "$|^authorization$|^cookie$");
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----[\\s\\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY-----|$)");
    private static final Pattern JSON_PAIR = Pattern.compile("(?i)(\"" + KEYS + "\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)(\")");
    // MySQL's "(using password: YES)" says whether a password was sent, not which: it stays readable
    private static final Pattern KEY_VALUE = Pattern.compile("(?i)(\\b" + KEYS + "\\b['\"]?\\s*[=:]\\s*['\"]?)"
            + "(?!(?:YES|NO)\\))([^\\s&,;'\"}]+)");
    private static final Pattern AUTH_HEADER = Pattern.compile("(?i)(authorization['\"]?\\s*[:=]\\s*['\"]?(?:bearer|basic|token)\\s+)([^\\s'\",]+)");
    private static final Pattern BEARER = Pattern.compile("(?i)(\\bbearer\\s+)([A-Za-z0-9._~+/=-]{8,})");
    // the scheme starts where a scheme token starts and is bounded: tried at every position, an unbounded scheme
    // made the scan quadratic in the length of a run of letters (minutes for a result holding a long text)
    private static final Pattern URL_USERINFO = Pattern.compile(
            "((?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{0,63}://[^/\\s:@]+:)([^/\\s@]+)(@)");
    private static final Pattern AWS_KEY = Pattern.compile("\\bAKIA[0-9A-Z]{16}\\b");

    private static final Redactor PATTERNS_ONLY = new Redactor(List.of());

    private final List<String> secrets;

    /** @param secrets values hidden wherever they appear (blank ones are ignored; longest first) */
    public Redactor(Collection<String> secrets) {
        List<String> s = new ArrayList<>();
        for (String v : secrets) {
            if (v != null && !v.isBlank() && !s.contains(v)) {
                s.add(v);
            }
        }
        s.sort(Comparator.comparingInt(String::length).reversed());
        this.secrets = List.copyOf(s);
    }

    /** A redactor that hides only what looks like a credential. */
    public static Redactor patternsOnly() {
        return PATTERNS_ONLY;
    }

    /** Redacted copy of {@code text}; null stays null. */
    public String text(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : secrets) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        out = PEM.matcher(out).replaceAll(MASK);
        out = replaceGroup(JSON_PAIR, out);
        out = replaceGroup(AUTH_HEADER, out);
        out = replaceGroup(BEARER, out);
        out = replaceGroup(URL_USERINFO, out);
        out = replaceGroup(KEY_VALUE, out);
        return AWS_KEY.matcher(out).replaceAll(MASK);
    }

    /** Redacted deep copy of a JSON tree: string values and field names; values under credential-looking keys. */
    public JsonNode json(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            String t = node.textValue();
            String r = text(t);
            return r.equals(t) ? node : JsonNodeFactory.instance.textNode(r);
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode(node.size());
            node.forEach(child -> out.add(json(child)));
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode value = e.getValue();
                boolean hide = SENSITIVE_KEY.matcher(e.getKey()).matches() && value.isValueNode() && !value.isNull()
                        && !value.isBoolean();
                out.set(text(e.getKey()), hide ? JsonNodeFactory.instance.textNode(MASK) : json(value));
            }
            return out;
        }
        return node;
    }

    /** Redacted deep copy of plain values (maps, lists, strings). */
    public Object plain(Object value) {
        if (value instanceof String s) {
            return text(s);
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> {
                String key = String.valueOf(k);
                boolean hide = SENSITIVE_KEY.matcher(key).matches() && (v instanceof String || v instanceof Number);
                out.put(text(key), hide ? MASK : plain(v));
            });
            return out;
        }
        if (value instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            c.forEach(v -> out.add(plain(v)));
            return out;
        }
        return value;
    }

    private static String replaceGroup(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        do {
            StringBuilder rep = new StringBuilder(m.group(1)).append(MASK);
            if (m.groupCount() >= 3) {
                rep.append(m.group(3));
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(rep.toString()));
        } while (m.find());
        m.appendTail(sb);
        return sb.toString();
    }
}
