package io.noetl.stores.analytics;

/** The analytics store could not do an operation (down, timed out, refused); the message names the operation. */
public class AnalyticsStoreException extends RuntimeException {

    public AnalyticsStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public AnalyticsStoreException(String message) {
        super(message);
    }
}
