package io.noetl.topology.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noetl.schemas.Ulid;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SeenIdsTest {

    @Test
    @DisplayName("a ULID's 128 bits keep its order and tell ids apart")
    void ulidBytesKeepOrderAndIdentity() {
        assertThat(SeenIds.ulidBytes("00000000000000000000000001")).endsWith(1);
        assertThat(SeenIds.ulidBytes("7ZZZZZZZZZZZZZZZZZZZZZZZZZ")).containsOnly((byte) 0xFF);
        String a = "01HZX3K8M0ABCDEFGHJKMNPQRS";
        String b = "01HZX3K8M0ABCDEFGHJKMNPQRT";
        assertThat(Arrays.compareUnsigned(SeenIds.ulidBytes(a), SeenIds.ulidBytes(b))).isNegative();
        assertThat(SeenIds.ulidBytes(a)).isEqualTo(SeenIds.ulidBytes(a)).hasSize(16);
    }

    @Test
    @DisplayName("strings that are not upper-case ULIDs are refused with the value named")
    void rejectsNonUlids() {
        for (String bad : new String[] {"01hzx3k8m0abcdefghjkmnpqrs", "8ZZZZZZZZZZZZZZZZZZZZZZZZZ", "01HZX3K8M0ABCDEFGHJKMNPQRI",
            "short", ""}) {
            assertThatThrownBy(() -> SeenIds.ulidBytes(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(bad);
        }
    }

    @Test
    @DisplayName("an added id is contained, others are not; every entry survives the round trip")
    void addAndContains() {
        byte[] set = null;
        byte[][] ids = new byte[50][];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = SeenIds.ulidBytes(Ulid.next());
            assertThat(SeenIds.contains(set, ids[i])).isFalse();
            set = SeenIds.add(set, ids[i], 1000 + i);
        }
        assertThat(SeenIds.size(set)).isEqualTo(50);
        for (byte[] id : ids) {
            assertThat(SeenIds.contains(set, id)).isTrue();
        }
        assertThat(SeenIds.contains(set, SeenIds.ulidBytes(Ulid.next()))).isFalse();
    }

    @Test
    @DisplayName("expiry drops the ids first seen before the cutoff, keeps the rest, and empties to null")
    void expiryByFirstSight() {
        byte[] early = SeenIds.ulidBytes(Ulid.next());
        byte[] late = SeenIds.ulidBytes(Ulid.next());
        byte[] set = SeenIds.add(SeenIds.add(null, early, 100), late, 500);
        assertThat(SeenIds.expire(set, 100)).isSameAs(set);
        byte[] kept = SeenIds.expire(set, 200);
        assertThat(SeenIds.size(kept)).isEqualTo(1);
        assertThat(SeenIds.contains(kept, late)).isTrue();
        assertThat(SeenIds.contains(kept, early)).isFalse();
        assertThat(SeenIds.expire(kept, 501)).isNull();
    }

    @Test
    @DisplayName("a value of another layout is refused on expiry")
    void foreignValueRefused() {
        assertThatThrownBy(() -> SeenIds.expire(new byte[8], 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("8 bytes");
    }
}
