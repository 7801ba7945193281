package io.noetl.sink.index;

import java.util.function.Supplier;

/**
 * An index's calls into its store: when the store cannot answer now, the call fails with
 * {@link SinkUnavailableException} naming the operation, so the sink keeps the batch and tries again later.
 */
final class StoreCalls {

    private StoreCalls() {
    }

    /**
     * @param operation   what the call does, e.g. {@code create analytics version 3}
     * @param unavailable the store's exception for "cannot answer now"; any other exception passes as it is
     * @return what {@code action} returned
     * @throws SinkUnavailableException {@code <operation>: <the store's message>}, with the store's exception as cause
     */
    static <T> T guard(String operation, Class<? extends RuntimeException> unavailable, Supplier<T> action) {
        try {
            return action.get();
        } catch (RuntimeException e) {
            if (unavailable.isInstance(e)) {
                throw new SinkUnavailableException(operation + ": " + e.getMessage(), e);
            }
            throw e;
        }
    }

    /** As {@link #guard}, for a call without a result. */
    static void run(String operation, Class<? extends RuntimeException> unavailable, Runnable action) {
        guard(operation, unavailable, () -> {
            action.run();
            return null;
        });
    }
}
