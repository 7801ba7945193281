package io.noetl.topology.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WireTest {

    /** What the encoder of the previous release wrote for the values of {@link #writeSample}. */
    private static final String PREVIOUS_RELEASE_BYTES = "00ff007f8001ac02ffffffffffffffff7fffffffffffffffffff0100"
            + "01027fffffffffffffffffff0180f89e99aa650000000000000000000000000000f8bf182d4454fb210940000000000000f87f"
            + "0000a03f0000008000010661736369690bc3bc6ec3af20f09f9880";

    private static Wire.Out writeSample() {
        return new Wire.Out(1).u8(0).u8(255).varLong(0).varLong(127).varLong(128).varLong(300)
                .varLong(Long.MAX_VALUE).varLong(-1).zigZag(0).zigZag(-1).zigZag(1).zigZag(-64)
                .zigZag(Long.MIN_VALUE).zigZag(1_740_830_400_000L).f64(0.0).f64(-1.5).f64(Math.PI)
                .f64(Double.NaN).f32(1.25f).f32(-0.0f).string(null).string("").string("ascii").string("ünï 😀");
    }

    @Test
    @DisplayName("numbers and strings are laid out byte for byte as the previous release wrote them")
    void layoutIsThePreviousReleases() {
        byte[] previous = HexFormat.of().parseHex(PREVIOUS_RELEASE_BYTES);
        assertThat(writeSample().toBytes()).isEqualTo(previous);

        Wire.In in = new Wire.In(previous);
        assertThat(in.u8()).isZero();
        assertThat(in.u8()).isEqualTo(255);
        assertThat(new long[] {in.varLong(), in.varLong(), in.varLong(), in.varLong(), in.varLong(), in.varLong()})
                .containsExactly(0, 127, 128, 300, Long.MAX_VALUE, -1);
        assertThat(new long[] {in.zigZag(), in.zigZag(), in.zigZag(), in.zigZag(), in.zigZag(), in.zigZag()})
                .containsExactly(0, -1, 1, -64, Long.MIN_VALUE, 1_740_830_400_000L);
        assertThat(in.f64()).isEqualTo(0.0);
        assertThat(in.f64()).isEqualTo(-1.5);
        assertThat(in.f64()).isEqualTo(Math.PI);
        assertThat(in.f64()).isNaN();
        assertThat(in.f32()).isEqualTo(1.25f);
        assertThat(Float.floatToRawIntBits(in.f32())).isEqualTo(Float.floatToRawIntBits(-0.0f));
        assertThat(in.string()).isNull();
        assertThat(in.string()).isEmpty();
        assertThat(in.string()).isEqualTo("ascii");
        assertThat(in.string()).isEqualTo("ünï 😀");
        assertThat(in.atEnd()).isTrue();
    }

    private record Written(int kind, Object value) {
    }

    @Test
    @DisplayName("random values come back as written, strings of any script included")
    void randomValuesRoundTrip() {
        SplittableRandom r = new SplittableRandom(11);
        String[] strings = {"", "a", "x".repeat(200), "ünïcødé", "mixed ascii then é", "😀", "ab\u0000c", null};
        List<Written> written = new ArrayList<>();
        Wire.Out out = new Wire.Out(1);
        for (int i = 0; i < 5_000; i++) {
            int kind = r.nextInt(4);
            switch (kind) {
                case 0 -> {
                    long v = r.nextLong() >> r.nextInt(64);
                    out.zigZag(v);
                    written.add(new Written(kind, v));
                }
                case 1 -> {
                    long v = r.nextLong(1L << r.nextInt(1, 63));
                    out.varLong(v);
                    written.add(new Written(kind, v));
                }
                case 2 -> {
                    double v = r.nextDouble() * 1e6;
                    out.f64(v);
                    written.add(new Written(kind, v));
                }
                default -> {
                    String s = strings[r.nextInt(strings.length)];
                    out.string(s);
                    written.add(new Written(kind, s));
                }
            }
        }
        Wire.In in = new Wire.In(out.toBytes());
        for (Written w : written) {
            Object read = switch (w.kind()) {
                case 0 -> in.zigZag();
                case 1 -> in.varLong();
                case 2 -> in.f64();
                default -> in.string();
            };
            assertThat(read).isEqualTo(w.value());
        }
        assertThat(in.atEnd()).isTrue();
    }

    @Test
    @DisplayName("the fixed-width reader reads numbers and strings as DataOutputStream wrote them")
    void readsTheDataOutputStreamLayout() throws IOException {
        SplittableRandom r = new SplittableRandom(3);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(bytes);
        List<Object> written = new ArrayList<>();
        String[] strings = {"", "ascii", "ünïcødé", "emoji 😀 pair", "x".repeat(300)};
        for (int i = 0; i < 2_000; i++) {
            switch (r.nextInt(4)) {
                case 0 -> {
                    int v = r.nextInt();
                    d.writeInt(v);
                    written.add(v);
                }
                case 1 -> {
                    long v = r.nextLong();
                    d.writeLong(v);
                    written.add(v);
                }
                case 2 -> {
                    int v = r.nextInt(256);
                    d.writeByte(v);
                    written.add((short) v);
                }
                default -> {
                    String s = strings[r.nextInt(strings.length)];
                    byte[] b = s.getBytes(StandardCharsets.UTF_8);
                    d.writeInt(b.length);
                    d.write(b);
                    written.add(s);
                }
            }
        }
        Wire.In in = new Wire.In(bytes.toByteArray());
        for (Object expected : written) {
            Object read = switch (expected) {
                case Integer ignored -> in.bigEndianInt();
                case Long ignored -> in.bigEndianLong();
                case Short ignored -> (short) in.u8();
                default -> in.utf8(in.bigEndianInt());
            };
            assertThat(read).isEqualTo(expected);
        }
        assertThat(in.atEnd()).isTrue();
    }

    @Test
    @DisplayName("truncated input and out-of-range lengths fail by name, never read past the end")
    void truncatedInputFails() {
        byte[] bytes = new Wire.Out(8).string("hello").toBytes();
        assertThatThrownBy(() -> new Wire.In(Arrays.copyOf(bytes, 3)).string())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> new Wire.In(new byte[] {1, 2}).f64()).hasMessageContaining("truncated");
        assertThatThrownBy(() -> new Wire.In(new byte[] {1}).bigEndianInt()).hasMessageContaining("truncated");
        assertThatThrownBy(() -> new Wire.In(new byte[0]).utf8(-1)).hasMessageContaining("truncated");
        assertThatThrownBy(() -> new Wire.In(new Wire.Out(10).varLong(-1).toBytes()).varInt())
                .hasMessageContaining("out of range");
    }
}
