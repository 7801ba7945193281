package io.noetl.sink.replay;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Draws replay progress. On a terminal one line redrawn in place with {@code \r}:
 * {@code [##########..........]  50%  12,345/24,690 events  8,210 ev/s  ETA 0:02}; elsewhere (a log, a pipe) one
 * plain line every {@link #PLAIN_EVERY} and a final line.
 */
public final class ProgressBar {

    /** How often a plain line is written without a terminal. */
    public static final Duration PLAIN_EVERY = Duration.ofSeconds(5);
    private static final int WIDTH = 20;

    private final PrintWriter out;
    private final boolean terminal;
    private final LongSupplier nanos;
    private long lastPlain = Long.MIN_VALUE;
    private int lastLength;

    /**
     * @param out      where to draw
     * @param terminal whether {@code out} is a terminal (redraw in place)
     * @param nanos    a monotonic clock in nanoseconds (for the plain cadence)
     */
    public ProgressBar(PrintWriter out, boolean terminal, LongSupplier nanos) {
        this.out = out;
        this.terminal = terminal;
        this.nanos = nanos;
    }

    /** A bar on {@code out} that redraws in place when this process has a console. */
    public static ProgressBar forConsole(PrintWriter out) {
        return new ProgressBar(out, System.console() != null, System::nanoTime);
    }

    /** Shows a snapshot: redraws on a terminal; without one, writes a line when {@link #PLAIN_EVERY} has passed. */
    public void update(ReplayProgress p) {
        if (terminal) {
            redraw(plain(p));
            return;
        }
        long now = nanos.getAsLong();
        if (lastPlain == Long.MIN_VALUE || now - lastPlain >= PLAIN_EVERY.toNanos()) {
            lastPlain = now;
            out.println(plain(p));
            out.flush();
        }
    }

    /** Shows the final snapshot and ends the line. */
    public void finish(ReplayProgress p) {
        if (terminal) {
            redraw(plain(p));
            out.println();
        } else {
            out.println(plain(p));
        }
        out.flush();
    }

    /** @return {@code [####......]  50%  12,345/24,690 events  8,210 ev/s  ETA 0:02} */
    public static String line(ReplayProgress p) {
        // nothing is known while the job prepares: an empty bar, not a full one
        double fraction = p.state() == ReplayState.PREPARING ? 0 : p.fraction();
        int filled = (int) Math.floor(fraction * WIDTH);
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "]"
                + String.format(Locale.US, " %3d%%  %,d/%,d events  %,d ev/s  ETA %s", (int) Math.floor(fraction * 100),
                        p.done(), p.total(), Math.round(p.ratePerS()), eta(p.etaSeconds()));
    }

    /** @return {@code 0:02}, {@code 12:05} or {@code 1:02:03}; {@code --:--} when unknown */
    public static String eta(long seconds) {
        if (seconds < 0) {
            return "--:--";
        }
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s)
                : String.format(Locale.ROOT, "%d:%02d", m, s);
    }

    private static String plain(ReplayProgress p) {
        String versions = p.fromVersion() == p.toVersion() ? "v" + p.toVersion()
                : "v" + p.fromVersion() + " -> v" + p.toVersion();
        return p.target() + " " + versions + " " + p.state().wireName() + "  " + line(p)
                + (p.error() == null ? "" : "  error: " + p.error());
    }

    private void redraw(String line) {
        // pad over a longer previous line
        int pad = Math.max(0, lastLength - line.length());
        out.print("\r" + line + " ".repeat(pad));
        out.flush();
        lastLength = line.length();
    }
}
