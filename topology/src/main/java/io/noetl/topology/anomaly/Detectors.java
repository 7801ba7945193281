package io.noetl.topology.anomaly;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Registry of anomaly detectors by name. {@link #DEFAULT} ({@value #DEFAULT}) is the one the topology runs on step
 * latency; {@value WindowedGaussianDetector#NAME} is NAB's reference baseline.
 */
public final class Detectors {

    /** Name of the default detector. */
    public static final String DEFAULT = NoveltyDetector.NAME;

    private static final Map<String, Supplier<AnomalyDetector>> FACTORIES = new LinkedHashMap<>();

    static {
        FACTORIES.put(NoveltyDetector.NAME, NoveltyDetector::new);
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
}
