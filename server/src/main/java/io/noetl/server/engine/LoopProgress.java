package io.noetl.server.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Progress of a looping step.
 *
 * @param items     the rendered items of {@code loop.in}
 * @param results   one slot per item, in index order (null until the item is done)
 * @param done      indexes of the finished items, in finishing order
 * @param nextIndex the next item to issue
 */
public record LoopProgress(List<Object> items, List<Object> results, List<Integer> done, int nextIndex) {

    static LoopProgress of(List<Object> items) {
        return new LoopProgress(Collections.unmodifiableList(new ArrayList<>(items)), Collections.unmodifiableList(
                new ArrayList<>(Collections.nCopies(items.size(), null))), List.of(), 0);
    }

    boolean hasMoreToIssue() {
        return nextIndex < items.size();
    }

    boolean complete() {
        return done.size() == items.size();
    }

    LoopProgress advanced() {
        return new LoopProgress(items, results, done, nextIndex + 1);
    }

    LoopProgress withResult(int index, Object result) {
        List<Object> r = new ArrayList<>(results);
        r.set(index, result);
        return new LoopProgress(items, Collections.unmodifiableList(r), Maps.append(done, index), nextIndex);
    }
}
