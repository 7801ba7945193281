package io.noetl.stores.vector;

/** A vector store could not do what it was asked (I/O, server error); the message names the operation. */
public class VectorStoreException extends RuntimeException {

    public VectorStoreException(String operation, Throwable cause) {
        super(operation + ": " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()),
                cause);
    }
}
