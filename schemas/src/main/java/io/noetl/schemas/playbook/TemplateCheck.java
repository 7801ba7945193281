package io.noetl.schemas.playbook;

import io.noetl.schemas.template.Templates;
import java.util.List;
import java.util.Map;

/** Reports every string of a document whose template markup does not parse, wherever it is written. */
final class TemplateCheck {

    private TemplateCheck() {
    }

    static void check(Object value, String path, Diagnostics diagnostics) {
        switch (value) {
            case String s -> Templates.syntaxError(s)
                    .ifPresent(error -> diagnostics.add(path, "bad template syntax: " + error));
            case Map<?, ?> map -> map.forEach((k, v) -> check(v, Diagnostics.key(path, String.valueOf(k)), diagnostics));
            case List<?> list -> {
                for (int i = 0; i < list.size(); i++) {
                    check(list.get(i), Diagnostics.index(path, i), diagnostics);
                }
            }
            case null, default -> {
                // numbers, booleans and nulls hold no templates
            }
        }
    }
}
