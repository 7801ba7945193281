package io.noetl.schemas.nats;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.ConsumeOptions;
import io.nats.client.ConsumerContext;
import io.nats.client.MessageConsumer;
import io.nats.client.MessageHandler;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PullResumeTest {

    private final MessageHandler handler = msg -> { };
    private final AtomicInteger stops = new AtomicInteger();
    private final MessageConsumer old = fake(MessageConsumer.class, "stop", () -> {
        stops.incrementAndGet();
        return null;
    });
    private final MessageConsumer fresh = fake(MessageConsumer.class, "stop", () -> null);

    @Test
    void aFailedOpenIsRetriedUntilAPullOpens() {
        AtomicInteger attempts = new AtomicInteger();
        ConsumerContext context = fake(ConsumerContext.class, "consume", () -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IOException("not connected yet");
            }
            return fresh;
        });

        assertThat(PullResume.reopen(old, context, ConsumeOptions.DEFAULT_CONSUME_OPTIONS, handler, () -> false,
                "events")).isSameAs(fresh);
        assertThat(attempts).hasValue(3);
        assertThat(stops).as("the old pull is stopped before each attempt").hasValue(3);
    }

    @Test
    void noAttemptIsMadeOnceTheOwnerStopped() {
        AtomicInteger attempts = new AtomicInteger();
        ConsumerContext context = fake(ConsumerContext.class, "consume", () -> {
            attempts.incrementAndGet();
            return fresh;
        });

        assertThat(PullResume.reopen(old, context, ConsumeOptions.DEFAULT_CONSUME_OPTIONS, handler, () -> true,
                "events")).isNull();
        assertThat(attempts).hasValue(0);
    }

    @Test
    void anInterruptWhileWaitingGivesUpAndKeepsTheFlag() {
        ConsumerContext context = fake(ConsumerContext.class, "consume", () -> {
            throw new IOException("still down");
        });
        Thread.currentThread().interrupt();
        try {
            assertThat(PullResume.reopen(null, context, ConsumeOptions.DEFAULT_CONSUME_OPTIONS, handler,
                    () -> false, "commands")).isNull();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    /** An answer of a fake, which may throw what the real method declares. */
    private interface Answer {
        Object get() throws Exception;
    }

    /** A fake of {@code type} whose method {@code name} answers with {@code answer}; other methods are not used. */
    private static <T> T fake(Class<T> type, String name, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getName().equals(name)) {
                return answer.get();
            }
            throw new UnsupportedOperationException(method.getName());
        }));
    }
}
