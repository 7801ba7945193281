package io.noetl.topology.anomaly;

import io.noetl.topology.codec.Wire;

/**
 * A bounded memory of remembered window shapes, in the manner of adaptive resonance: a window resonates with its
 * nearest prototype when their distance (mean absolute difference per value) is within the vigilance radius; the
 * prototype then learns the window (moves toward it). A window that resonates with none becomes a new prototype,
 * replacing the least used one when the memory is full.
 */
final class ShapeMemory {

    private final int dims;
    private final double[] protos;
    private final double[] use;
    private int size;

    /**
     * @param dims values per window
     * @param capacity prototypes remembered
     */
    ShapeMemory(int dims, int capacity) {
        this.dims = dims;
        this.protos = new double[dims * capacity];
        this.use = new double[capacity];
    }

    /** @return prototypes remembered now */
    int size() {
        return size;
    }

    /**
     * Matches a window against the prototypes, then learns it.
     *
     * @param w the window (length {@code dims})
     * @param radius vigilance: largest distance at which a window resonates with a prototype
     * @param rate how far a resonant prototype moves toward the window, in (0, 1]
     * @param decay per-call decay of the usage counts that decide which prototype is forgotten
     * @return distance to the nearest prototype before learning (infinite while the memory is empty)
     */
    double matchAndLearn(double[] w, double radius, double rate, double decay) {
        int best = -1;
        double bestDist = Double.POSITIVE_INFINITY;
        for (int j = 0; j < size; j++) {
            int o = j * dims;
            double d = 0;
            for (int i = 0; i < dims && d < bestDist; i++) {
                d += Math.abs(w[i] - protos[o + i]);
            }
            if (d < bestDist) {
                bestDist = d;
                best = j;
            }
        }
        double dist = bestDist / dims;
        for (int j = 0; j < size; j++) {
            use[j] *= decay;
        }
        if (best >= 0 && dist <= radius) {
            int o = best * dims;
            for (int i = 0; i < dims; i++) {
                protos[o + i] += rate * (w[i] - protos[o + i]);
            }
            use[best] += 1;
        } else {
            remember(w);
        }
        return dist;
    }

    void writeTo(Wire.Out out) {
        out.varLong(size);
        for (int i = 0; i < size * dims; i++) {
            out.f64(protos[i]);
        }
        for (int j = 0; j < size; j++) {
            out.f64(use[j]);
        }
    }

    void readFrom(Wire.In in) {
        int n = in.varInt();
        if (n > use.length) {
            throw new IllegalArgumentException("shape memory of " + n + " prototypes, more than " + use.length);
        }
        size = n;
        for (int i = 0; i < size * dims; i++) {
            protos[i] = in.f64();
        }
        for (int j = 0; j < size; j++) {
            use[j] = in.f64();
        }
    }

    private void remember(double[] w) {
        int j = size;
        if (size == use.length) {
            j = 0;
            for (int k = 1; k < size; k++) {
                if (use[k] < use[j]) {
                    j = k;
                }
            }
        } else {
            size++;
        }
        System.arraycopy(w, 0, protos, j * dims, dims);
        use[j] = 1;
    }
}
