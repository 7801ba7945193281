package io.noetl.sink.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private static ReplayProgress progress(ReplayState state, long done, long total, double rate, long eta) {
        return new ReplayProgress("vectors", state, done, total, rate, eta, 1, 2, null);
    }

    @Test
    @DisplayName("the line shows a 20-cell bar, percent, grouped counts, rate and ETA")
    void formatsTheLine() {
        assertThat(ProgressBar.line(progress(ReplayState.COPYING, 12_345, 24_690, 8_210.4, 2)))
                .isEqualTo("[##########..........]  50%  12,345/24,690 events  8,210 ev/s  ETA 0:02");
        assertThat(ProgressBar.line(progress(ReplayState.COMPLETED, 7, 7, 3.6, 0)))
                .isEqualTo("[####################] 100%  7/7 events  4 ev/s  ETA 0:00");
        assertThat(ProgressBar.line(progress(ReplayState.PREPARING, 0, 0, 0, -1)))
                .isEqualTo("[....................]   0%  0/0 events  0 ev/s  ETA --:--");
    }

    @Test
    @DisplayName("ETA reads m:ss below an hour and h:mm:ss above")
    void formatsEta() {
        assertThat(ProgressBar.eta(65)).isEqualTo("1:05");
        assertThat(ProgressBar.eta(3723)).isEqualTo("1:02:03");
        assertThat(ProgressBar.eta(-1)).isEqualTo("--:--");
    }

    @Test
    @DisplayName("without a terminal a plain line is written at most every 5 s, plus a final line")
    void plainOutputEveryFiveSeconds() {
        StringWriter text = new StringWriter();
        AtomicLong nanos = new AtomicLong();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), false, nanos::get);

        for (int second = 0; second <= 12; second++) {
            nanos.set(TimeUnit.SECONDS.toNanos(second));
            bar.update(progress(ReplayState.COPYING, second * 10L, 200, 10, 20 - second));
        }
        bar.finish(progress(ReplayState.COMPLETED, 200, 200, 10, 0));

        String[] lines = text.toString().split("\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).isEqualTo("vectors v1 -> v2 copying  [....................]   0%  0/200 events"
                + "  10 ev/s  ETA 0:20");
        assertThat(lines[1]).contains(" 50/200 ");
        assertThat(lines[2]).contains(" 100/200 ");
        assertThat(lines[3]).startsWith("vectors v1 -> v2 completed  [####################] 100%  200/200");
        assertThat(text.toString()).doesNotContain("\r");
    }

    @Test
    @DisplayName("on a terminal one line (index, versions, state, bar) is redrawn in place and ends with a newline")
    void terminalRedrawsInPlace() {
        StringWriter text = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(text), true, () -> 0);

        bar.update(progress(ReplayState.COPYING, 1_000, 2_000, 1_234, 1));
        bar.update(progress(ReplayState.COPYING, 2, 2_000, 1, 1));
        bar.finish(progress(ReplayState.COMPLETED, 2_000, 2_000, 1_000, 0));

        String out = text.toString();
        assertThat(out).startsWith("\rvectors v1 -> v2 copying  [##########..........]  50%  1,000/2,000 events  "
                + "1,234 ev/s  ETA 0:01");
        assertThat(out.split("\r")).hasSize(4);
        assertThat(out.split("\r")[2]).endsWith("  "); // a shorter line blanks the rest of the longer one
        assertThat(out).endsWith("ETA 0:00\n");
    }
}
