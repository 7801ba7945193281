package io.noetl.schemas.template;

import com.hubspot.jinjava.el.JinjavaInterpreterResolver;
import com.hubspot.jinjava.objects.collections.PyList;
import java.beans.FeatureDescriptor;
import java.util.Collections;
import java.util.Iterator;
import java.util.Set;
import jinjava.javax.el.CompositeELResolver;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELResolver;

/**
 * What Jinja2 templates read that Jinjava's own resolver does not: {@code .result}, {@code .results} and
 * {@code .data} of a list step result ({@link ResultView.Results}) are the list itself, and Python's string methods
 * ({@code upper()}, {@code strip()}, {@code startswith(...)}, {@code split(...)}, ...) work on strings. Everything
 * else goes to Jinjava's resolver.
 */
final class ResultsResolver extends ELResolver {

    private static final Set<String> NAMES = Set.of("result", "results", "data");

    private ResultsResolver() {
    }

    /** Jinjava's read-only resolver with list results' aliases in front. */
    static ELResolver withJinjavaDefaults() {
        CompositeELResolver composite = new CompositeELResolver();
        composite.add(new ResultsResolver());
        composite.add(JinjavaInterpreterResolver.DEFAULT_RESOLVER_READ_ONLY);
        return composite;
    }

    /** Jinjava hands lists to resolvers wrapped in its {@link PyList}. */
    private static boolean handles(Object base, Object property) {
        Object list = base instanceof PyList py ? py.toList() : base;
        return list instanceof ResultView.Results && property instanceof String s && NAMES.contains(s);
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        if (handles(base, property)) {
            context.setPropertyResolved(true);
            return base;
        }
        return null;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
        if (base instanceof String s && method instanceof String name) {
            Object[] args = params == null ? new Object[0] : params;
            Object value = PyStrings.call(s, name, args);
            if (value != PyStrings.UNKNOWN) {
                context.setPropertyResolved(true);
                return value;
            }
        }
        return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        if (handles(base, property)) {
            context.setPropertyResolved(true);
            return base.getClass();
        }
        return null;
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        return true;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        // step results are read only
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
        return Collections.emptyIterator();
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return handles(base, "result") ? String.class : null;
    }
}
