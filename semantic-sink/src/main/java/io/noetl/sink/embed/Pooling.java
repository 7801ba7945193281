package io.noetl.sink.embed;

/** Sentence vectors from a model's flat float output: pooling, then L2 normalization (in double precision). */
final class Pooling {

    private Pooling() {
    }

    /** Mean of the token vectors whose attention mask is 1; {@code tokens} is [rows, length, dim] row-major. */
    static float[][] mean(float[] tokens, long[] mask, int rows, int length, int dim) {
        float[][] out = new float[rows][];
        for (int r = 0; r < rows; r++) {
            double[] sum = new double[dim];
            int count = 0;
            for (int t = 0; t < length; t++) {
                if (mask[r * length + t] == 0) {
                    continue;
                }
                count++;
                int base = (r * length + t) * dim;
                for (int d = 0; d < dim; d++) {
                    sum[d] += tokens[base + d];
                }
            }
            out[r] = normalize(sum, Math.max(count, 1));
        }
        return out;
    }

    /** The first token's vector of each row. */
    static float[][] first(float[] tokens, int rows, int length, int dim) {
        float[][] out = new float[rows][];
        for (int r = 0; r < rows; r++) {
            double[] v = new double[dim];
            int base = r * length * dim;
            for (int d = 0; d < dim; d++) {
                v[d] = tokens[base + d];
            }
            out[r] = normalize(v, 1);
        }
        return out;
    }

    /** One vector per row of a [rows, dim] output. */
    static float[][] rows(float[] values, int rows, int dim) {
        return first(values, rows, 1, dim);
    }

    private static float[] normalize(double[] sum, int count) {
        double norm = 0;
        for (double x : sum) {
            norm += (x / count) * (x / count);
        }
        float[] v = new float[sum.length];
        if (!Double.isFinite(norm)) {
            throw new IllegalStateException("the embedding model produced non-finite values");
        }
        if (norm == 0) {
            // an all-zero output still has to be a valid unit vector
            v[0] = 1.0f;
            return v;
        }
        double inv = 1.0 / (Math.sqrt(norm) * count);
        for (int d = 0; d < sum.length; d++) {
            v[d] = (float) (sum[d] * inv);
        }
        return v;
    }
}
