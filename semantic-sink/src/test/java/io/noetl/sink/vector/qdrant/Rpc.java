package io.noetl.sink.vector.qdrant;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import java.util.function.Supplier;

/** Answers a unary call: the value, or the status the handler raised (INTERNAL for a bug in the handler). */
final class Rpc {

    private Rpc() {
    }

    static <T> void answer(StreamObserver<T> out, Supplier<T> handler) {
        T value;
        try {
            value = handler.get();
        } catch (StatusRuntimeException e) {
            out.onError(e);
            return;
        } catch (RuntimeException e) {
            out.onError(Status.INTERNAL.withDescription(e.toString()).withCause(e).asRuntimeException());
            return;
        }
        out.onNext(value);
        out.onCompleted();
    }
}
