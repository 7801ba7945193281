package io.noetl.topology.anomaly;

import io.noetl.topology.codec.Wire;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registry of anomaly detectors by name. {@link #DEFAULT} ({@value #DEFAULT}) is the one the topology runs on step
 * latency; {@value ShapeDetector#NAME} is an alternative that matches recent window shapes against remembered ones;
 * {@value WindowedGaussianDetector#NAME} is NAB's reference baseline.
 *
 * <p>A snapshot is a version byte, the detector's name and what its {@link AnomalyDetector#writeTo} wrote, on
 * {@link Wire}.
 */
public final class Detectors {

    /** Name of the default detector. */
    public static final String DEFAULT = NoveltyDetector.NAME;

    private static final Logger LOG = LoggerFactory.getLogger(Detectors.class);
    private static final int VERSION = 1;
    /** The stream header of Java serialization, in which earlier releases wrote snapshots. */
    private static final byte[] JAVA_SERIALIZATION = {(byte) 0xAC, (byte) 0xED, 0x00, 0x05};
    private static final AtomicBoolean JAVA_SNAPSHOT_SEEN = new AtomicBoolean();

    private record Kind(Supplier<AnomalyDetector> create, Function<Wire.In, AnomalyDetector> read) {
    }

    private static final Map<String, Kind> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put(NoveltyDetector.NAME, new Kind(NoveltyDetector::new, NoveltyDetector::readFrom));
        KINDS.put(ShapeDetector.NAME, new Kind(ShapeDetector::new, ShapeDetector::readFrom));
        KINDS.put(WindowedGaussianDetector.NAME,
                new Kind(WindowedGaussianDetector::new, WindowedGaussianDetector::readFrom));
    }

    private Detectors() {
    }

    /**
     * Creates a fresh detector (one per key).
     *
     * @param name a name from {@link #names()}
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public static AnomalyDetector create(String name) {
        return kind(name).create().get();
    }

    /** @return the known detector names, default first */
    public static Set<String> names() {
        return Collections.unmodifiableSet(KINDS.keySet());
    }

    /** The detector's whole state as bytes, for a state store. */
    public static byte[] snapshot(AnomalyDetector detector) {
        Wire.Out out = new Wire.Out(4096);
        out.u8(VERSION).string(detector.name());
        detector.writeTo(out);
        return out.toBytes();
    }

    /**
     * A detector from {@link #snapshot} bytes.
     *
     * @return the detector, or null for a snapshot an earlier release wrote in Java serialization: it is not read,
     *         the caller starts a fresh detector that relearns its baseline (said once at INFO)
     * @throws IllegalArgumentException when the bytes are not a detector snapshot of a known version
     */
    public static AnomalyDetector restore(byte[] snapshot) {
        if (isJavaSerialization(snapshot)) {
            if (JAVA_SNAPSHOT_SEEN.compareAndSet(false, true)) {
                LOG.info("detector snapshots of an earlier release (Java serialization) are not read: each such step's"
                        + " latency detector starts afresh and relearns its baseline from new attempts");
            }
            return null;
        }
        try {
            Wire.In in = new Wire.In(snapshot);
            int version = in.u8();
            if (version != VERSION) {
                throw new IllegalArgumentException("unknown version " + version);
            }
            String name = in.string();
            AnomalyDetector d = kind(name).read().apply(in);
            if (!in.atEnd()) {
                throw new IllegalArgumentException("trailing bytes after the state of detector " + name);
            }
            return d;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a detector snapshot: " + e.getMessage(), e);
        }
    }

    /** True for bytes that start as Java serialization does. */
    static boolean isJavaSerialization(byte[] bytes) {
        int n = JAVA_SERIALIZATION.length;
        return bytes.length >= n && Arrays.equals(bytes, 0, n, JAVA_SERIALIZATION, 0, n);
    }

    private static Kind kind(String name) {
        Kind k = KINDS.get(name);
        if (k == null) {
            throw new IllegalArgumentException("unknown detector '" + name + "'; known: " + names());
        }
        return k;
    }
}
