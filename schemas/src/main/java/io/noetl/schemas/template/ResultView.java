package io.noetl.schemas.template;

import com.hubspot.jinjava.objects.collections.PyList;
import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Step results as NoETL's templates read them (its {@code TaskResultProxy}, {@code noetl/core/dsl/render.py}):
 * {@code {{ step.data.x }}} and {@code {{ step.result.x }}} read {@code x} of the step's result when the result has
 * no {@code data} or {@code result} field of its own ({@code context} likewise), at any depth; a list result (a
 * loop's) also answers {@code .result}, {@code .results} and {@code .data} with itself. The names NoETL does not
 * proxy ({@code workload}, {@code ctx}, {@code iter}, ...) are left as they are.
 */
final class ResultView extends AbstractMap<String, Object> {

    private static final Set<String> ALIASES = Set.of("data", "result", "context");
    private static final Set<String> RESERVED = Set.of("workload", "ctx", "vars", "args", "iter", "keychain", "event",
            "outcome", "output", "job", "loop", "execution_id", "current_user", "callback_url");

    private final Map<String, Object> map;

    private ResultView(Map<String, Object> map) {
        this.map = map;
    }

    /** {@code context} with every step result viewed this way. */
    static Map<String, Object> of(Map<String, Object> context) {
        Map<String, Object> out = new LinkedHashMap<>(context.size());
        context.forEach((k, v) -> out.put(k, RESERVED.contains(k) ? v : wrap(v)));
        return out;
    }

    /** The value as it was, without views (for a single expression's native value). */
    static Object unwrap(Object value) {
        return switch (value) {
            case ResultView v -> v.map;
            case Results r -> r.list;
            case PyList py when py.toList() instanceof Results r -> r.list;
            case null, default -> value;
        };
    }

    @SuppressWarnings("unchecked")
    private static Object wrap(Object value) {
        return switch (value) {
            case ResultView v -> v;
            case Results r -> r;
            case Map<?, ?> m -> new ResultView((Map<String, Object>) m);
            case List<?> l -> new Results((List<Object>) l);
            case null, default -> value;
        };
    }

    @Override
    public Object get(Object key) {
        if (!map.containsKey(key) && ALIASES.contains(key)) {
            return this;
        }
        return wrap(map.get(key));
    }

    @Override
    public boolean containsKey(Object key) {
        return map.containsKey(key) || ALIASES.contains(key);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return map.entrySet();
    }

    /** A list result: its items, and itself as {@code .result}, {@code .results} and {@code .data} ({@link ResultsResolver}). */
    static final class Results extends AbstractList<Object> {

        private final List<Object> list;

        Results(List<Object> list) {
            this.list = list;
        }

        @Override
        public Object get(int index) {
            return wrap(list.get(index));
        }

        @Override
        public int size() {
            return list.size();
        }

    }
}
