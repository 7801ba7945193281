package io.noetl.app.bench.insights;

import io.noetl.insights.Insights;
import io.noetl.insights.diagnosis.Diagnosis;
import io.noetl.insights.playbook.PlaybookReport;
import io.noetl.insights.search.SearchItem;
import io.noetl.insights.similar.SimilarFailure;
import java.util.List;
import java.util.Random;

/**
 * The four questions a client asks, as the REST routes ask the engine: {@code GET /api/executions/{id}/diagnosis},
 * {@code GET /api/executions/{id}/similar}, {@code GET /api/playbooks/{path}/insights} and {@code GET /api/search}.
 * Each call returns what the answer held, for the tallies that show the answers are not empty.
 */
enum Operation {

    DIAGNOSIS("diagnosis") {
        @Override
        Facts call(Insights insights, Workload w, Random random) {
            Diagnosis d = insights.diagnose(w.execution(random));
            boolean resolved = d.similar().stream().anyMatch(s -> s.resolution() != null);
            return new Facts(d.fingerprint() != null, !d.similar().isEmpty(), resolved, !d.missing().isEmpty());
        }
    },
    SIMILAR("similar") {
        @Override
        Facts call(Insights insights, Workload w, Random random) {
            List<SimilarFailure> found = insights.similar(w.execution(random), 10);
            boolean resolved = found.stream().anyMatch(s -> s.resolution() != null);
            return new Facts(!found.isEmpty(), resolved, false, false);
        }
    },
    INSIGHTS("insights") {
        @Override
        Facts call(Insights insights, Workload w, Random random) {
            PlaybookReport r = insights.playbook(w.playbook(random), w.since(random));
            boolean growing = r.steps().stream().anyMatch(s -> s.trend() != null && s.trend().growing());
            return new Facts(!r.steps().isEmpty(), !r.recommendations().isEmpty(), growing, !r.missing().isEmpty());
        }
    },
    SEARCH("search") {
        @Override
        Facts call(Insights insights, Workload w, Random random) {
            Workload.Query q = w.query(random);
            List<SearchItem> items = insights.search(q.text(), q.kind(), q.filters(), 10);
            return new Facts(!items.isEmpty(), false, false, false);
        }
    };

    /** What one answer held; the meaning of each flag is given by {@link #facts()}. */
    record Facts(boolean first, boolean second, boolean third, boolean missing) {
    }

    private final String label;

    Operation(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** @return the names of {@link Facts#first()}, {@link Facts#second()}, {@link Facts#third()} (null: unused) */
    String[] facts() {
        return switch (this) {
            case DIAGNOSIS -> new String[] {"with a fingerprint", "with similar failures",
                "with a resolution among them"};
            case SIMILAR -> new String[] {"non-empty", "with a resolution", null};
            case INSIGHTS -> new String[] {"with step figures", "with recommendations", "with a growing p95"};
            case SEARCH -> new String[] {"non-empty", null, null};
        };
    }

    /** Asks one question of {@code insights}. */
    abstract Facts call(Insights insights, Workload w, Random random);
}
