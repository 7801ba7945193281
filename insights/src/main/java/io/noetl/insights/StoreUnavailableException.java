package io.noetl.insights;

/** A store an answer needs is not attached to this process or did not answer; the message names it. */
public final class StoreUnavailableException extends RuntimeException {

    private final String store;

    public StoreUnavailableException(String store, String message, Throwable cause) {
        super(message, cause);
        this.store = store;
    }

    /** @return {@link StoreAccess#VECTORS} or {@link StoreAccess#ANALYTICS} */
    public String store() {
        return store;
    }
}
