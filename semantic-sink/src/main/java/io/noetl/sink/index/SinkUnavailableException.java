package io.noetl.sink.index;

/** A store cannot take a batch now (down, timed out); the batch may be written again later. */
public class SinkUnavailableException extends RuntimeException {

    public SinkUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
