package io.noetl.schemas.error;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Evidence weight per class for one error; the highest wins, ties broken by {@link #PRECEDENCE}. */
final class Scores {

    /**
     * On equal evidence the more specific class wins: a pool that timed out is exhausted, an identity refused an
     * action is a permission problem rather than a login one, a failed quality check beats a contract reading.
     */
    static final List<ErrorClass> PRECEDENCE = List.of(ErrorClass.RESOURCE_EXHAUSTED, ErrorClass.CANCELLED,
            ErrorClass.RATE_LIMITED, ErrorClass.PERMISSION, ErrorClass.AUTH, ErrorClass.TIMEOUT,
            ErrorClass.CONNECTION, ErrorClass.NOT_FOUND, ErrorClass.DATA_QUALITY, ErrorClass.VALIDATION,
            ErrorClass.BAD_REQUEST, ErrorClass.DEPENDENCY_5XX, ErrorClass.CODE_ERROR);

    private final Map<ErrorClass, Double> total = new EnumMap<>(ErrorClass.class);
    private final Map<ErrorClass, Double> phrases = new EnumMap<>(ErrorClass.class);

    void add(ErrorClass c, double weight) {
        total.merge(c, weight, Double::sum);
    }

    void addPhrase(ErrorClass c, double weight) {
        add(c, weight);
        phrases.merge(c, weight, Double::sum);
    }

    double of(ErrorClass c) {
        return total.getOrDefault(c, 0.0);
    }

    /** The weight that phrases alone gave {@code c}. */
    double phrasesOf(ErrorClass c) {
        return phrases.getOrDefault(c, 0.0);
    }

    /** The class with the most evidence, or {@link ErrorClass#UNKNOWN} when there is none. */
    ErrorClass best() {
        ErrorClass best = ErrorClass.UNKNOWN;
        double top = 0;
        for (ErrorClass c : PRECEDENCE) {
            double s = of(c);
            if (s > top) {
                top = s;
                best = c;
            }
        }
        return best;
    }
}
