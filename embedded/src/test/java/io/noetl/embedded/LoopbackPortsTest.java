package io.noetl.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LoopbackPortsTest {

    @Test
    void aFreePortCanBeBound() {
        int port = LoopbackPorts.free();
        assertThat(port).isBetween(1, 65535);
        assertThat(LoopbackPorts.isFree(port)).isTrue();
    }

    @Test
    void aPortSomethingListensOnIsNotFree() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(LoopbackPorts.isFree(taken.getLocalPort())).isFalse();
        }
    }

    @Test
    void freeOrKeepsAFreePreferredPort() {
        int preferred = LoopbackPorts.free();
        assertThat(LoopbackPorts.freeOr(preferred)).isEqualTo(preferred);
    }

    @Test
    void freeOrPicksAnotherPortWhenThePreferredOneIsTakenOrNoPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int other = LoopbackPorts.freeOr(taken.getLocalPort());
            assertThat(other).isNotEqualTo(taken.getLocalPort());
            assertThat(LoopbackPorts.isFree(other)).isTrue();
        }
        assertThat(LoopbackPorts.freeOr(0)).isPositive();
    }

    @Test
    void aBlockHoldsDistinctFreePorts() {
        int[] ports = LoopbackPorts.freeBlock(5);
        assertThat(ports).hasSize(5);
        assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(5);
        assertThat(Arrays.stream(ports).allMatch(LoopbackPorts::isFree)).isTrue();
    }

    @Test
    void anEmptyBlockIsRejected() {
        assertThatThrownBy(() -> LoopbackPorts.freeBlock(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n >= 1");
    }
}
