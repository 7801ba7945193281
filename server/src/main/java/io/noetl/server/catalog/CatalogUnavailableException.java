package io.noetl.server.catalog;

/** The catalog's KV bucket could not be read or written (NATS down or refusing); callers answer 503. */
public final class CatalogUnavailableException extends RuntimeException {

    public CatalogUnavailableException(String operation, Throwable cause) {
        super(operation + ": " + cause.getMessage(), cause);
    }
}
