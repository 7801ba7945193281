package io.noetl.topology.metrics;

import com.datadoghq.sketch.ddsketch.Serializer;
import com.datadoghq.sketch.ddsketch.encoding.Output;
import com.datadoghq.sketch.ddsketch.mapping.IndexMapping;

/**
 * The index mapping of the DDSketch paper: bucket {@code i} holds the values in {@code (γ^(i-1), γ^i]}, with
 * {@code γ = (1 + α) / (1 - α)}, and stands for {@code 2 γ^i / (γ + 1)}. sketches-java's own
 * {@link com.datadoghq.sketch.ddsketch.mapping.LogarithmicMapping} has the same accuracy but closes its buckets on the
 * other side ({@code [γ^j, γ^(j+1))}) and computes the representative value another way, so a value on a bucket
 * boundary (1 ms, for one) and the last bits of the estimates would differ from the sketches stored so far.
 *
 * <p>Never encoded by the library: {@link QuantileSketch} writes its own compact form.
 */
final class PaperIndexMapping implements IndexMapping {

    private static final PaperIndexMapping DEFAULT = new PaperIndexMapping(QuantileSketch.DEFAULT_ACCURACY);

    private final double accuracy;
    private final double gamma;
    private final double logGamma;
    private final double minIndexable;
    private final double maxIndexable;

    private PaperIndexMapping(double accuracy) {
        this.accuracy = accuracy;
        this.gamma = (1 + accuracy) / (1 - accuracy);
        this.logGamma = Math.log(gamma);
        this.minIndexable = Math.max(Math.exp((Integer.MIN_VALUE + 1.0) * logGamma), Double.MIN_NORMAL);
        this.maxIndexable = Math.min(Math.exp((Integer.MAX_VALUE - 1.0) * logGamma), Double.MAX_VALUE);
    }

    /** The mapping of this accuracy (one shared instance for the default: a sketch is made per step event). */
    static PaperIndexMapping of(double accuracy) {
        return accuracy == DEFAULT.accuracy ? DEFAULT : new PaperIndexMapping(accuracy);
    }

    @Override
    public int index(double value) {
        return (int) Math.ceil(Math.log(value) / logGamma);
    }

    @Override
    public double value(int index) {
        return 2 * Math.pow(gamma, index) / (gamma + 1);
    }

    @Override
    public double lowerBound(int index) {
        return Math.pow(gamma, index - 1);
    }

    @Override
    public double upperBound(int index) {
        return Math.pow(gamma, index);
    }

    @Override
    public double relativeAccuracy() {
        return accuracy;
    }

    @Override
    public double minIndexableValue() {
        return minIndexable;
    }

    @Override
    public double maxIndexableValue() {
        return maxIndexable;
    }

    @Override
    public void encode(Output output) {
        throw new UnsupportedOperationException("the paper's index mapping has no sketches-java encoding");
    }

    @Override
    public int serializedSize() {
        throw new UnsupportedOperationException("the paper's index mapping has no sketches-java encoding");
    }

    @Override
    public void serialize(Serializer serializer) {
        throw new UnsupportedOperationException("the paper's index mapping has no sketches-java encoding");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PaperIndexMapping other && Double.compare(other.accuracy, accuracy) == 0;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(accuracy);
    }
}
