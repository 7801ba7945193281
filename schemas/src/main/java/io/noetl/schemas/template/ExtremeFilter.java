package io.noetl.schemas.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Jinja2's {@code max} and {@code min} filters, which Jinjava lacks: the largest (smallest) item of a list. */
final class ExtremeFilter implements Filter {

    private final boolean max;

    private ExtremeFilter(boolean max) {
        this.max = max;
    }

    static ExtremeFilter max() {
        return new ExtremeFilter(true);
    }

    static ExtremeFilter min() {
        return new ExtremeFilter(false);
    }

    @Override
    public String getName() {
        return max ? "max" : "min";
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
        if (!(var instanceof Collection<?> items) || items.isEmpty()) {
            return null;
        }
        List<Object> list = new ArrayList<>(items);
        Object best = list.get(0);
        for (Object item : list) {
            int c = item instanceof Number a && best instanceof Number b
                    ? Double.compare(a.doubleValue(), b.doubleValue())
                    : ((Comparable) String.valueOf(item)).compareTo(String.valueOf(best));
            if (max ? c > 0 : c < 0) {
                best = item;
            }
        }
        return best;
    }
}
