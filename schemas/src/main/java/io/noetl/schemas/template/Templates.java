package io.noetl.schemas.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import com.hubspot.jinjava.util.ObjectTruthValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jinja2 templates as the DSL uses them ({@code {{ step.field }}}, {@code workload}, {@code vars}, {@code args},
 * {@code execution_id}, {@code keychain}, {@code iter}, {@code now()}, {@code token(name[, audience])}), read as
 * NoETL reads them: step results answer {@code .data}/{@code .result} with themselves ({@link ResultView}), strings
 * have Python's methods, and Jinja2's {@code max}/{@code min} filters exist.
 *
 * <p>A string that is exactly one expression ({@code "{{ a.items }}"}) renders to the expression's native value
 * (list, map, number, boolean); any other string renders to text. Undefined variables are errors, so a typo fails
 * the step with a message that names it instead of silently producing an empty string.
 */
public final class Templates {

    private static final Pattern SINGLE_EXPRESSION = Pattern.compile("^\\s*\\{\\{(.*?)}}\\s*$", Pattern.DOTALL);

    private static final Pattern UNKNOWN_TOKEN = Pattern.compile("Unknown token found: ([^\\s']+)");

    /** The render-context key under which a {@link TokenSource} serves {@code token(...)}. */
    public static final String TOKEN_SOURCE = "__noetl_token_source";

    private static final Jinjava JINJAVA = create(true);
    /** Used only when every unknown token is a variable that exists with a null value (renders as none). */
    private static final Jinjava LENIENT = create(false);

    private Templates() {
    }

    private static Jinjava create(boolean strict) {
        Jinjava jinjava = new Jinjava(JinjavaConfig.newBuilder()
                .withElResolver(ResultsResolver.withJinjavaDefaults())
                .withFailOnUnknownTokens(strict)
                .withMaxOutputSize(10L * 1024 * 1024)
                .build());
        jinjava.getGlobalContext().registerFunction(new ELFunctionDefinition("", "now", Templates.class, "now"));
        jinjava.getGlobalContext().registerFunction(new ELFunctionDefinition("", "token", Templates.class, "token",
                Object.class, Object[].class));
        jinjava.getGlobalContext().registerFilter(ExtremeFilter.max());
        jinjava.getGlobalContext().registerFilter(ExtremeFilter.min());
        return jinjava;
    }

    /** {@code token(name[, audience])} in templates: asks the context's {@link TokenSource}. */
    public static String token(Object name, Object... rest) {
        JinjavaInterpreter interpreter = JinjavaInterpreter.getCurrent();
        Object source = interpreter == null ? null : interpreter.getContext().get(TOKEN_SOURCE);
        if (!(source instanceof TokenSource tokens)) {
            throw new IllegalStateException("token(...) is available only where a worker renders a tool");
        }
        if (name == null || String.valueOf(name).isBlank()) {
            throw new IllegalArgumentException("token(...) needs a credential name");
        }
        Object audience = rest == null || rest.length == 0 ? null : rest[0];
        return tokens.token(String.valueOf(name), audience == null ? null : String.valueOf(audience));
    }

    /** {@code now()} in templates: the current instant, ISO-8601 in UTC. */
    public static String now() {
        return Instant.now().toString();
    }

    /** True when {@code value} contains template markup. */
    public static boolean isTemplate(Object value) {
        return value instanceof String s && (s.contains("{{") || s.contains("{%"));
    }

    /**
     * Renders strings inside {@code value} (maps and lists recursively); other values are returned as they are.
     *
     * @throws TemplateException naming the template and the problem
     */
    public static Object render(Object value, Map<String, Object> context) {
        if (!containsTemplate(value)) {
            return value;
        }
        return renderValue(value, ResultView.of(context));
    }

    private static Object renderValue(Object value, Map<String, Object> view) {
        if (value instanceof String s) {
            return renderString(s, view);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), renderValue(v, view)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(renderValue(v, view)));
            return out;
        }
        return value;
    }

    private static boolean containsTemplate(Object value) {
        return switch (value) {
            case String s -> isTemplate(s);
            case Map<?, ?> map -> map.values().stream().anyMatch(Templates::containsTemplate);
            case List<?> list -> list.stream().anyMatch(Templates::containsTemplate);
            case null, default -> false;
        };
    }

    /** Renders to text, whatever the expression's type. */
    public static String renderText(String template, Map<String, Object> context) {
        Object v = isTemplate(template) ? renderString(template, ResultView.of(context)) : template;
        return v == null ? "" : String.valueOf(v);
    }

    /** Evaluates a {@code when} condition with Jinja truthiness; null or blank is true (an else arc). */
    public static boolean test(String condition, Map<String, Object> context) {
        if (condition == null || condition.isBlank()) {
            return true;
        }
        Map<String, Object> view = ResultView.of(context);
        Object v = isTemplate(condition) ? renderString(condition, view) : evaluate(condition, view, condition);
        if (v instanceof String s) {
            String t = s.trim().toLowerCase(java.util.Locale.ROOT);
            return !(t.isEmpty() || t.equals("false") || t.equals("0") || t.equals("none") || t.equals("null"));
        }
        return ObjectTruthValue.evaluate(v);
    }

    /** A syntax error of {@code template} with its message, without rendering it; empty when it parses. */
    public static Optional<String> syntaxError(String template) {
        if (!isTemplate(template)) {
            return Optional.empty();
        }
        try {
            JinjavaInterpreter interpreter = JINJAVA.newInterpreter();
            interpreter.parse(template);
            for (TemplateError error : interpreter.getErrorsCopy()) {
                return Optional.of(error.getMessage());
            }
        } catch (RuntimeException e) {
            return Optional.of(e.getMessage());
        }
        Matcher m = Pattern.compile("\\{\\{(.*?)}}", Pattern.DOTALL).matcher(template);
        while (m.find()) {
            String expr = m.group(1).trim();
            if (expr.isEmpty()) {
                return Optional.of("empty expression {{ }}");
            }
        }
        // a '}}' outside an expression is plain text to Jinja2 (e.g. the end of a JSON literal), an unclosed '{{' is not
        int open = count(template, "{{");
        int close = count(template, "}}");
        if (open > close) {
            return Optional.of("unbalanced braces: " + open + " '{{' but " + close + " '}}'");
        }
        int blockOpen = count(template, "{%");
        int blockClose = count(template, "%}");
        if (blockOpen > blockClose) {
            return Optional.of("unbalanced block tags: " + blockOpen + " '{%' but " + blockClose + " '%}'");
        }
        return Optional.empty();
    }

    private static Object renderString(String template, Map<String, Object> context) {
        if (!isTemplate(template)) {
            return template;
        }
        Matcher m = SINGLE_EXPRESSION.matcher(template);
        if (m.matches() && !m.group(1).contains("{{") && !m.group(1).contains("}}")) {
            return evaluate(m.group(1).trim(), context, template);
        }
        RenderResult result = JINJAVA.renderForResult(template, context);
        if (onlyNullVariables(result.getErrors(), context)) {
            result = LENIENT.renderForResult(template, context);
        }
        failOnErrors(template, result.getErrors());
        return result.getOutput();
    }

    private static Object evaluate(String expression, Map<String, Object> context, String template) {
        try {
            return ResultView.unwrap(evaluate(JINJAVA, expression, context, template));
        } catch (NullVariableException e) {
            return ResultView.unwrap(evaluate(LENIENT, expression, context, template));
        }
    }

    private static Object evaluate(Jinjava engine, String expression, Map<String, Object> context, String template) {
        Context ctx = new Context(engine.getGlobalContext(), context);
        JinjavaInterpreter interpreter = new JinjavaInterpreter(engine, ctx, engine.getGlobalConfig());
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            Object value = interpreter.resolveELExpression(expression, 1);
            List<TemplateError> errors = interpreter.getErrorsCopy();
            if (engine == JINJAVA && onlyNullVariables(errors, context)) {
                throw new NullVariableException();
            }
            failOnErrors(template, errors);
            return value;
        } catch (NullVariableException | TemplateException e) {
            throw e;
        } catch (RuntimeException e) {
            Matcher m = UNKNOWN_TOKEN.matcher(String.valueOf(e.getMessage()));
            if (engine == JINJAVA && m.find() && definedAsNull(m.group(1), context)) {
                throw new NullVariableException();
            }
            throw new TemplateException(template, e.getMessage(), e);
        } finally {
            JinjavaInterpreter.popCurrent();
        }
    }

    /**
     * True when there are errors and each is an unknown token whose dotted path exists in the context with a
     * null value: such a variable is defined (as none), not a typo.
     */
    private static boolean onlyNullVariables(List<TemplateError> errors, Map<String, Object> context) {
        boolean any = false;
        for (TemplateError error : errors) {
            if (error.getSeverity() != TemplateError.ErrorType.FATAL) {
                continue;
            }
            Matcher m = UNKNOWN_TOKEN.matcher(String.valueOf(error.getMessage()));
            if (!m.find() || !definedAsNull(m.group(1), context)) {
                return false;
            }
            any = true;
        }
        return any;
    }

    private static boolean definedAsNull(String token, Map<String, Object> context) {
        Object current = context;
        for (String segment : token.split("\\.")) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(segment)) {
                return false;
            }
            current = map.get(segment);
        }
        return current == null;
    }

    /** Signals a retry with the lenient engine; never escapes this class. */
    private static final class NullVariableException extends RuntimeException {
        NullVariableException() {
            super(null, null, false, false);
        }
    }

    private static void failOnErrors(String template, List<TemplateError> errors) {
        for (TemplateError error : errors) {
            if (error.getSeverity() == TemplateError.ErrorType.FATAL) {
                throw new TemplateException(template, withFunctionFailure(error), null);
            }
        }
    }

    /** "Error invoking function 'f'" says nothing of why: the function's own message is appended. */
    private static String withFunctionFailure(TemplateError error) {
        String message = String.valueOf(error.getMessage());
        Throwable root = error.getException();
        while (root != null && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return message.startsWith("Error invoking function") && root != null && root.getMessage() != null
                ? message + ": " + root.getMessage() : message;
    }

    private static int count(String s, String token) {
        int n = 0;
        for (int i = s.indexOf(token); i >= 0; i = s.indexOf(token, i + token.length())) {
            n++;
        }
        return n;
    }
}
