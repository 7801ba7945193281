package io.noetl.topology.anomaly;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Registry of anomaly detectors by name. {@link #DEFAULT} ({@value #DEFAULT}) is the one the topology runs on step
 * latency; {@value ShapeDetector#NAME} is an alternative that matches recent window shapes against remembered ones;
 * {@value WindowedGaussianDetector#NAME} is NAB's reference baseline.
 */
public final class Detectors {

    /** Name of the default detector. */
    public static final String DEFAULT = NoveltyDetector.NAME;

    private static final Map<String, Supplier<AnomalyDetector>> FACTORIES = new LinkedHashMap<>();

    static {
        FACTORIES.put(NoveltyDetector.NAME, NoveltyDetector::new);
        FACTORIES.put(ShapeDetector.NAME, ShapeDetector::new);
        FACTORIES.put(WindowedGaussianDetector.NAME, WindowedGaussianDetector::new);
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
        Supplier<AnomalyDetector> f = FACTORIES.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown detector '" + name + "'; known: " + names());
        }
        return f.get();
    }

    /** @return the known detector names, default first */
    public static Set<String> names() {
        return Collections.unmodifiableSet(FACTORIES.keySet());
    }

    /**
     * The detector's whole state as bytes, for a state store.
     *
     * @throws IllegalStateException if a detector holds a field that cannot be serialized (a bug)
     */
    public static byte[] snapshot(AnomalyDetector detector) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(1024);
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(detector);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("snapshot detector " + detector.name(), e);
        }
        return bytes.toByteArray();
    }

    /**
     * A detector from {@link #snapshot} bytes.
     *
     * @throws IllegalArgumentException when the bytes are not a detector snapshot of this version
     */
    public static AnomalyDetector restore(byte[] snapshot) {
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(snapshot))) {
            in.setObjectInputFilter(java.io.ObjectInputFilter.Config.createFilter(
                    "io.noetl.topology.anomaly.*;java.lang.*;java.util.*;[D;[J;[I;[Lio.noetl.topology.anomaly.*;!*"));
            return (AnomalyDetector) in.readObject();
        } catch (java.io.IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalArgumentException("not a detector snapshot of this version: " + e, e);
        }
    }
}
