package io.noetl.schemas.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accuracy of the classifier on the labelled corpus. The rules were tuned on the first half only; the second half is
 * held out and is what the accuracy floor is about.
 */
class ErrorClassifierCorpusTest {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorClassifierCorpusTest.class);
    private static final int TUNING = 0;
    private static final int HELD_OUT = 1;

    private final ErrorClassifier classifier = ErrorClassifier.standard();

    @Test
    @DisplayName("the held-out half of the corpus is classified with an accuracy of at least 0.90")
    void heldOutAccuracyIsAtLeastNinetyPercent() {
        Result held = run(ErrorCorpus.half(HELD_OUT), false);
        Result tuning = run(ErrorCorpus.half(TUNING), true);
        LOG.info("error corpus accuracy: tuning half {}/{} = {}, held-out half {}/{} = {}", tuning.right, tuning.total,
                String.format("%.3f", tuning.accuracy()), held.right, held.total,
                String.format("%.3f", held.accuracy()));
        for (ErrorClass c : ErrorClass.values()) {
            LOG.info("  {}: tuning {}/{}, held out {}/{}", c.wireName(), tuning.rightBy.getOrDefault(c, 0),
                    tuning.totalBy.getOrDefault(c, 0), held.rightBy.getOrDefault(c, 0),
                    held.totalBy.getOrDefault(c, 0));
        }
        assertThat(held.accuracy()).isGreaterThanOrEqualTo(0.90);
    }

    @Test
    @DisplayName("every class has several phrasings in each half and most of each class's held-out rows are right")
    void everyClassIsCoveredAndMostlyRightWhenHeldOut() {
        Result held = run(ErrorCorpus.half(HELD_OUT), false);
        Result tuning = run(ErrorCorpus.half(TUNING), false);
        assertThat(ErrorCorpus.all()).hasSizeGreaterThanOrEqualTo(300);
        for (ErrorClass c : ErrorClass.values()) {
            assertThat(held.totalBy.getOrDefault(c, 0)).as("held-out rows of %s", c).isGreaterThanOrEqualTo(7);
            assertThat(tuning.totalBy.getOrDefault(c, 0)).as("tuning rows of %s", c).isGreaterThanOrEqualTo(7);
            double perClass = (double) held.rightBy.getOrDefault(c, 0) / held.totalBy.get(c);
            assertThat(perClass).as("held-out accuracy of %s", c).isGreaterThanOrEqualTo(0.75);
        }
    }

    @Test
    @DisplayName("the two halves are disjoint and together are the whole corpus")
    void halvesSplitTheCorpus() {
        List<ErrorCorpus.Row> a = ErrorCorpus.half(TUNING);
        List<ErrorCorpus.Row> b = ErrorCorpus.half(HELD_OUT);
        assertThat(a.size() + b.size()).isEqualTo(ErrorCorpus.all().size());
        assertThat(a).doesNotContainAnyElementsOf(b);
        assertThat(Math.abs(a.size() - b.size())).isLessThanOrEqualTo(ErrorClass.values().length);
    }

    private Result run(List<ErrorCorpus.Row> rows, boolean logMisses) {
        Result r = new Result();
        for (ErrorCorpus.Row row : rows) {
            ErrorClass got = classifier.classify(row.type(), row.message());
            r.total++;
            r.totalBy.merge(row.expected(), 1, Integer::sum);
            if (got == row.expected()) {
                r.right++;
                r.rightBy.merge(row.expected(), 1, Integer::sum);
            } else if (logMisses) {
                LOG.info("miss (tuning half): expected {} got {}: {} | {}", row.expected().wireName(),
                        got.wireName(), row.type(), row.message());
            }
        }
        return r;
    }

    private static final class Result {
        int total;
        int right;
        final Map<ErrorClass, Integer> totalBy = new EnumMap<>(ErrorClass.class);
        final Map<ErrorClass, Integer> rightBy = new EnumMap<>(ErrorClass.class);

        double accuracy() {
            return total == 0 ? 0 : (double) right / total;
        }
    }
}
