package io.noetl.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PerJvmTest {

    @Test
    void theServerStartsOnFirstUseOnlyAndEveryCallerGetsTheSameOne() {
        AtomicInteger starts = new AtomicInteger();
        PerJvm<Object> perJvm = new PerJvm<>(() -> {
            starts.incrementAndGet();
            return new Object();
        }, server -> { }, "per-jvm-test-stop");
        assertThat(starts).hasValue(0);

        Object first = perJvm.get();
        assertThat(perJvm.get()).isSameAs(first);
        assertThat(starts).hasValue(1);
    }
}
