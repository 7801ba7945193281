package io.noetl.sink.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachedPointerTest {

    @Test
    void theStoreIsReadAgainOnlyAfterTheRefreshIntervalAndALocalSetIsSeenAtOnce() {
        AtomicInteger stored = new AtomicInteger(1);
        AtomicInteger reads = new AtomicInteger();
        AtomicLong now = new AtomicLong(1_000);
        CachedPointer p = new CachedPointer(() -> {
            reads.incrementAndGet();
            return stored.get();
        }, now::get);

        assertThat(p.get()).isEqualTo(1);
        stored.set(2);
        now.addAndGet(SinkIndex.POINTER_REFRESH_MS - 1);
        assertThat(p.get()).isEqualTo(1);
        now.addAndGet(1);
        assertThat(p.get()).isEqualTo(2);
        p.set(3);
        assertThat(p.get()).isEqualTo(3);
        assertThat(reads).hasValue(2);
    }
}
