package io.noetl.sink.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noetl.stores.analytics.AnalyticsStoreException;
import io.noetl.stores.vector.VectorStoreException;
import org.junit.jupiter.api.Test;

class StoreCallsTest {

    @Test
    void theStoresUnavailableExceptionBecomesSinkUnavailableNamingTheOperation() {
        AnalyticsStoreException down = new AnalyticsStoreException("connection refused");
        assertThatThrownBy(() -> StoreCalls.guard("count analytics version 2", AnalyticsStoreException.class, () -> {
            throw down;
        })).isInstanceOf(SinkUnavailableException.class)
                .hasMessage("count analytics version 2: connection refused")
                .hasCause(down);
    }

    @Test
    void otherExceptionsPassAsTheyAre() {
        AnalyticsStoreException other = new AnalyticsStoreException("not the vector store's");
        assertThatThrownBy(() -> StoreCalls.run("drop vector index version 1", VectorStoreException.class, () -> {
            throw other;
        })).isSameAs(other);
    }

    @Test
    void aCallThatWorksGivesItsResult() {
        assertThat(StoreCalls.guard("list collections", VectorStoreException.class, () -> 7)).isEqualTo(7);
    }
}
