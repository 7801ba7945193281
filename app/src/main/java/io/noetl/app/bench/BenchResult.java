package io.noetl.app.bench;

import java.util.Locale;

/**
 * The engine benchmark's figures.
 *
 * @param executions        executions of the throughput run
 * @param steps             steps per execution
 * @param stepsPerSecond    throughput run: executions × steps / elapsed
 * @param pacedExecutions   executions of the paced run
 * @param pacedRate         paced run: executions started per second
 * @param claimP50Ms        paced run: command issued → claimed, median
 * @param claimP99Ms        paced run: command issued → claimed, 99th percentile
 * @param claimSamples      commands matched in the paced run
 * @param rawP50Ms          raw JetStream publish → pull round trip, median
 * @param rawP99Ms          raw JetStream publish → pull round trip, 99th percentile
 */
public record BenchResult(
        int executions,
        int steps,
        double stepsPerSecond,
        int pacedExecutions,
        double pacedRate,
        double claimP50Ms,
        double claimP99Ms,
        long claimSamples,
        double rawP50Ms,
        double rawP99Ms) {

    /** The machine-readable last line. */
    public String line() {
        return String.format(Locale.ROOT,
                "steps_per_s=%d issued_claimed_p50_ms=%.3f issued_claimed_p99_ms=%.3f raw_roundtrip_p50_ms=%.3f",
                Math.round(stepsPerSecond), claimP50Ms, claimP99Ms, rawP50Ms);
    }

    /** Lines for people. */
    public String human() {
        return String.format(Locale.ROOT, """
                engine benchmark (%d executions x %d noop steps)
                  throughput run : %d executions started at once, %.0f steps/s
                  paced run      : %d executions at %.1f executions/s (half the throughput)
                                   command issued -> claimed: p50 %.3f ms, p99 %.3f ms (%d commands)
                  raw JetStream  : publish -> pull round trip: p50 %.3f ms, p99 %.3f ms""",
                executions, steps, executions, stepsPerSecond, pacedExecutions, pacedRate,
                claimP50Ms, claimP99Ms, claimSamples, rawP50Ms, rawP99Ms);
    }
}
