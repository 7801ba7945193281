package io.noetl.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UlidTest {

    @Test
    void isTwentySixCrockfordCharacters() {
        String id = Ulid.next();
        assertThat(id).hasSize(26).matches("^[0-7][0-9A-HJKMNP-TV-Z]{25}$");
        assertThat(Ulid.isValid(id)).isTrue();
    }

    @Test
    void idsMadeInARowSortInCreationOrder() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(Ulid.next());
        }
        assertThat(ids).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void carriesTheMillisecondItWasMadeIn() {
        Instant before = Instant.ofEpochMilli(System.currentTimeMillis());
        String id = Ulid.next();
        Instant after = Instant.ofEpochMilli(System.currentTimeMillis());
        assertThat(Ulid.time(id)).isBetween(before, after);
    }

    @Test
    void rejectsWhatIsNotAUlid() {
        assertThat(Ulid.isValid("01HZZ")).isFalse();
        assertThat(Ulid.isValid("8ZZZZZZZZZZZZZZZZZZZZZZZZZ")).isFalse();
        assertThat(Ulid.isValid("01HZZZZZZZZZZZZZZZZZZZZZZU")).isFalse();
        assertThat(Ulid.isValid(null)).isFalse();
        assertThatThrownBy(() -> Ulid.time("short")).hasMessageContaining("short");
    }
}
