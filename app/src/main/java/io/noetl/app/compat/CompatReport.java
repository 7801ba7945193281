package io.noetl.app.compat;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report of a compatibility run: what was rejected and why, what was not run and what it needs, how each run
 * ended, then the counts per reason and, last, {@code accepted=A/N runs_completed=C/R}.
 */
public final class CompatReport {

    private static final int MAX_NEEDS_PER_LINE = 4;

    private final List<Verdict> verdicts;

    public CompatReport(List<Verdict> verdicts) {
        this.verdicts = List.copyOf(verdicts);
    }

    /** One verdict per playbook file, in the order the files were found. */
    public List<Verdict> verdicts() {
        return verdicts;
    }

    /** Playbooks the server registered (skipped and run ones). */
    public long accepted() {
        return verdicts.stream().filter(v -> !(v instanceof Verdict.Rejected)).count();
    }

    /** Playbooks run: the accepted ones that need nothing outside this machine. */
    public long ran() {
        return verdicts.stream().filter(v -> v instanceof Verdict.Ran).count();
    }

    /** Runs that reached {@code COMPLETED} in time. */
    public long completed() {
        return verdicts.stream().filter(v -> v instanceof Verdict.Ran r && r.completed()).count();
    }

    /** The last line: {@code accepted=A/N runs_completed=C/R}. */
    public String summary() {
        return "accepted=" + accepted() + "/" + verdicts.size() + " runs_completed=" + completed() + "/" + ran();
    }

    /** Prints the verdicts by kind, the counts per reason, and last {@link #summary()}. */
    public void print(PrintWriter out) {
        List<Verdict.Rejected> rejected = only(Verdict.Rejected.class);
        List<Verdict.Skipped> skipped = only(Verdict.Skipped.class);
        List<Verdict.Ran> ran = only(Verdict.Ran.class);
        Reasons rejections = new Reasons();
        Reasons outside = new Reasons();
        Reasons failures = new Reasons();

        out.println();
        out.println("rejected by the server (" + rejected.size() + "):");
        for (Verdict.Rejected r : rejected) {
            out.println("  REJECTED  " + r.playbook().file() + (r.selfContained() ? " (self-contained)" : "") + ": "
                    + r.message());
            r.problems().forEach(p -> out.println("              - " + p));
            rejections.add(key(r), r.problems().isEmpty() ? List.of(r.message())
                    : Reasons.distinct(r.problems(), Reasons::problem));
        }
        out.println("  " + rejected.stream().filter(Verdict.Rejected::selfContained).count()
                + " of the rejected need nothing outside this machine");
        out.println();
        out.println("not self-contained, not run (" + skipped.size() + "):");
        for (Verdict.Skipped s : skipped) {
            List<String> details = s.needs().stream().map(Dependency::detail).toList();
            String shown = String.join("; ", details.subList(0, Math.min(MAX_NEEDS_PER_LINE, details.size())))
                    + (details.size() > MAX_NEEDS_PER_LINE ? "; and " + (details.size() - MAX_NEEDS_PER_LINE)
                    + " more" : "");
            out.println("  SKIPPED   " + s.playbook().file() + " (" + s.path() + "): " + shown);
            outside.add(key(s), Reasons.distinct(s.needs(), Dependency::reason));
        }
        out.println();
        out.println("run (" + ran.size() + "):");
        for (Verdict.Ran r : ran) {
            out.println("  " + pad(r.status()) + r.playbook().file() + " (" + r.path() + " v" + r.version() + ", "
                    + String.format(Locale.ROOT, "%.1fs", r.took().toMillis() / 1000.0) + ")"
                    + (r.error() == null ? "" : ": " + r.error()));
            if (!r.completed()) {
                failures.add(key(r), List.of(Reasons.failure(r.status(), r.error())));
            }
        }
        counts(out, "rejection reasons (playbooks per reason)", rejections);
        counts(out, "run failures (playbooks per reason)", failures);
        counts(out, "not self-contained (playbooks per reason)", outside);
        out.println();
        out.println(summary());
        out.flush();
    }

    private static void counts(PrintWriter out, String title, Reasons reasons) {
        out.println();
        out.println(title + ":");
        for (Map.Entry<String, Integer> e : reasons.counted()) {
            out.println(String.format(Locale.ROOT, "  %4d  %s", e.getValue(), e.getKey()));
        }
    }

    private static String key(Verdict v) {
        return v.playbook().file().toString();
    }

    private static String pad(String status) {
        return String.format(Locale.ROOT, "%-10s", status);
    }

    private <T extends Verdict> List<T> only(Class<T> type) {
        return verdicts.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
