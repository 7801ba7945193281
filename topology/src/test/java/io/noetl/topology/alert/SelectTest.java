package io.noetl.topology.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SelectTest {

    @Test
    @DisplayName("the selected median equals the median of the sorted values, for odd and even sizes, with ties")
    void medianMatchesSorting() {
        Random r = new Random(8);
        for (int round = 0; round < 500; round++) {
            int n = 1 + r.nextInt(300);
            double[] v = new double[n + 3];
            for (int i = 0; i < v.length; i++) {
                v[i] = r.nextInt(4) == 0 ? r.nextInt(5) : r.nextGaussian();
            }
            double[] sorted = Arrays.copyOf(v, n);
            Arrays.sort(sorted);
            double expected = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
            assertThat(Select.median(v, n)).isEqualTo(expected);
        }
        assertThat(Select.median(new double[0], 0)).isNaN();
    }
}
