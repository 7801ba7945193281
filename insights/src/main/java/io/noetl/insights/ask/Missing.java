package io.noetl.insights.ask;

import java.util.List;

/** Names a store in the list of stores an answer could not read, once. */
final class Missing {

    private Missing() {
    }

    static void add(List<String> missing, String store) {
        if (!missing.contains(store)) {
            missing.add(store);
        }
    }
}
