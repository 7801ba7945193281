package io.noetl.insights.playbook;

import io.noetl.stores.analytics.DurationPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A step's p95 over time: the attempt durations cut into equal time buckets, the p95 of each, and a least-squares
 * line through them; where the line meets the step's time limit, if it rises.
 */
final class Trends {

    static final int BUCKETS = 10;
    static final int MIN_BUCKETS = 3;
    static final int MIN_POINTS_PER_BUCKET = 3;
    /** Shortest span of durations a trend is read from: a spike of minutes is an incident, not a trend. */
    static final Duration MIN_SPAN = Duration.ofHours(1);
    private static final double DAY_MS = Duration.ofDays(1).toMillis();

    private Trends() {
    }

    /**
     * @return the trend, or null when the durations span less than {@link #MIN_SPAN} or fewer than
     *         {@link #MIN_BUCKETS} buckets hold enough points
     */
    static PlaybookReport.Trend of(List<DurationPoint> points, long timeoutMs, Instant now) {
        if (points.size() < MIN_BUCKETS * MIN_POINTS_PER_BUCKET) {
            return null;
        }
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        for (DurationPoint p : points) {
            from = Math.min(from, p.time().toEpochMilli());
            to = Math.max(to, p.time().toEpochMilli());
        }
        if (to - from < MIN_SPAN.toMillis()) {
            return null;
        }
        double width = (to - from + 1) / (double) BUCKETS;
        List<List<Long>> buckets = new ArrayList<>();
        for (int i = 0; i < BUCKETS; i++) {
            buckets.add(new ArrayList<>());
        }
        for (DurationPoint p : points) {
            int i = (int) Math.min(BUCKETS - 1, (p.time().toEpochMilli() - from) / width);
            buckets.get(i).add(p.durationMs());
        }
        List<double[]> xy = new ArrayList<>();
        for (int i = 0; i < BUCKETS; i++) {
            if (buckets.get(i).size() >= MIN_POINTS_PER_BUCKET) {
                // days since the first point: centred, so the fit keeps its precision
                xy.add(new double[] {(i + 0.5) * width / DAY_MS, p95(buckets.get(i))});
            }
        }
        if (xy.size() < MIN_BUCKETS) {
            return null;
        }
        double[] line = leastSquares(xy);
        double slope = line[0];
        double nowValue = line[0] * ((now.toEpochMilli() - from) / DAY_MS) + line[1];
        double level = Arrays.stream(xy.stream().mapToDouble(v -> v[1]).toArray()).average().orElse(0);
        boolean growing = slope > 0.01 * Math.max(level, 1);
        Instant crosses = null;
        if (growing && timeoutMs > 0) {
            double days = (timeoutMs - nowValue) / slope;
            crosses = days <= 0 ? now : now.plusMillis((long) Math.min(days * DAY_MS, 3650 * DAY_MS));
        }
        return new PlaybookReport.Trend(Math.round(slope * 10) / 10.0, xy.size(), growing, crosses);
    }

    static double p95(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        int rank = (int) Math.ceil(0.95 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
    }

    /** @return {slope, intercept} of y = slope * x + intercept */
    static double[] leastSquares(List<double[]> xy) {
        double n = xy.size();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (double[] p : xy) {
            sx += p[0];
            sy += p[1];
            sxx += p[0] * p[0];
            sxy += p[0] * p[1];
        }
        double denominator = n * sxx - sx * sx;
        if (denominator == 0) {
            return new double[] {0, sy / n};
        }
        double slope = (n * sxy - sx * sy) / denominator;
        return new double[] {slope, (sy - slope * sx) / n};
    }
}
