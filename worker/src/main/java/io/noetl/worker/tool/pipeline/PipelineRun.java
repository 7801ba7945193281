package io.noetl.worker.tool.pipeline;

import io.noetl.schemas.Json;
import io.noetl.schemas.command.Command;
import io.noetl.schemas.command.CommandTask;
import io.noetl.schemas.command.TaskRule;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.playbook.Durations;
import io.noetl.schemas.playbook.PolicyRule;
import io.noetl.schemas.template.TemplateException;
import io.noetl.worker.tool.Cancellation;
import io.noetl.worker.tool.ToolOutcome;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs one attempt of a step's task pipeline (the contract is {@link Command}'s): tasks in order, each followed by
 * its policy ({@link Decision}): {@code continue}, {@code retry} (with backoff), {@code jump}, {@code break},
 * {@code fail}; writes of a task's {@code set} (after it succeeded) and of the rule taken go to {@link Locals}. The
 * time limit covers the whole pipeline; a jump loop is bounded by {@link #MAX_TASK_RUNS}.
 */
public final class PipelineRun {

    /** Task runs one pipeline may make (pagination by jumps included) before it is failed as a runaway. */
    static final int MAX_TASK_RUNS = 10_000;

    private final List<CommandTask> tasks;
    private final TaskRunner runner;
    private final Cancellation cancellation;
    private final long deadline;
    private final Locals locals;
    private final PipelineReport report;

    /**
     * @param context      the command's template context (with the keychain)
     * @param timeout      the pipeline's time limit
     * @param cancellation the pipeline's cancellation (cancel requests, worker shutdown)
     */
    public PipelineRun(Command command, Map<String, Object> context, TaskRunner runner, Duration timeout,
                       Cancellation cancellation) {
        this.tasks = tasksOf(command);
        this.runner = runner;
        this.cancellation = cancellation;
        this.deadline = System.nanoTime() + timeout.toNanos();
        this.locals = new Locals(context);
        this.report = new PipelineReport(tasks.size(), locals);
    }

    /** The tasks of {@code command}: its pipeline, or its one tool (from producers without pipelines). */
    static List<CommandTask> tasksOf(Command command) {
        if (command.tasks() != null && !command.tasks().isEmpty()) {
            return command.tasks();
        }
        return List.of(new CommandTask(command.step() + "_task", command.toolKind(), command.tool(), List.of(), null));
    }

    /** Runs the pipeline to its outcome: the result as the contract defines it, or the failing task's error. */
    public ToolOutcome run() throws InterruptedException {
        int pc = 0;
        int attempt = 1;
        int runs = 0;
        while (pc < tasks.size()) {
            CommandTask task = tasks.get(pc);
            if (System.nanoTime() - deadline >= 0) {
                return report.failed(task.name(), ErrorInfo.retriable("Timeout", "the pipeline reached its time limit"
                        + " before task '" + task.name() + "'"));
            }
            if (++runs > MAX_TASK_RUNS) {
                return report.failed(task.name(), ErrorInfo.fatal("PipelineError", "the pipeline ran "
                        + MAX_TASK_RUNS + " tasks without ending (a jump loop?), last at task '" + task.name() + "'"));
            }
            Map<String, Object> context = locals.context(task.name(), attempt);
            long start = System.nanoTime();
            ToolOutcome out = runner.run(kind(task), Json.plainMap(task.tool()), context, timeoutOf(task));
            long durationMs = (System.nanoTime() - start) / 1_000_000;
            if (cancellation.isCancelled() || System.nanoTime() - deadline >= 0 && out instanceof ToolOutcome.Failed) {
                report.ran(task, attempt, out, durationMs, "stopped");
                return report.stopped(task.name(), out);
            }
            Map<String, Object> envelope = Envelope.of(kind(task), out, attempt, durationMs);
            locals.ran(task.name(), envelope.get("result"));
            Decision decision;
            try {
                Map<String, Object> when = withOutcome(locals.context(task.name(), attempt), envelope);
                if (out instanceof ToolOutcome.Succeeded && task.set() != null && task.set().isObject()) {
                    locals.apply(Json.plainMap(task.set()), when);
                    when = withOutcome(locals.context(task.name(), attempt), envelope);
                }
                decision = Decision.of(task.policy(), when, out instanceof ToolOutcome.Succeeded);
                if (decision.rule() != null && decision.rule().set() != null && decision.rule().set().isObject()) {
                    locals.apply(Json.plainMap(decision.rule().set()), when);
                }
            } catch (TemplateException e) {
                report.ran(task, attempt, out, durationMs, "fail");
                return report.failed(task.name(), ErrorInfo.fatal("TemplateError", "task '" + task.name()
                        + "' policy: " + e.getMessage()));
            }
            report.ran(task, attempt, out, durationMs, decision.action());
            switch (decision.action()) {
                case "retry" -> {
                    TaskRule rule = decision.rule();
                    int attempts = rule.attempts() == null ? 3 : rule.attempts();
                    if (attempt < attempts) {
                        sleep(delayBefore(rule, attempt + 1));
                        attempt++;
                        continue;
                    }
                    if (out instanceof ToolOutcome.Failed f) {
                        return report.failed(task.name(), f, " (task '" + task.name() + "' failed all " + attempts
                                + " attempts)");
                    }
                    locals.prev(envelope.get("result"));
                    pc++;
                    attempt = 1;
                }
                case "jump" -> {
                    int target = indexOf(decision.rule().to());
                    if (target < 0) {
                        return report.failed(task.name(), ErrorInfo.fatal("PipelineError", "task '" + task.name()
                                + "' " + decision.describe() + " jumps to unknown task '" + decision.rule().to()
                                + "' (tasks: " + tasks.stream().map(CommandTask::name).toList() + ")"));
                    }
                    locals.prev(envelope.get("result"));
                    pc = target;
                    attempt = 1;
                }
                case "break" -> {
                    return report.succeeded(task.name(), out);
                }
                case "fail" -> {
                    return out instanceof ToolOutcome.Failed f ? report.failed(task.name(), f, "")
                            : report.failed(task.name(), ErrorInfo.fatal("PolicyFailure", "task '" + task.name()
                            + "' was failed by its policy, " + decision.describe()), out);
                }
                default -> {
                    locals.prev(envelope.get("result"));
                    pc++;
                    attempt = 1;
                }
            }
        }
        return report.succeededAtEnd();
    }

    private static Map<String, Object> withOutcome(Map<String, Object> context, Map<String, Object> envelope) {
        context.put("outcome", envelope);
        context.put("output", envelope);
        return context;
    }

    private static String kind(CommandTask task) {
        return task.kind() == null ? "" : task.kind().trim().toLowerCase(Locale.ROOT);
    }

    private int indexOf(String name) {
        for (int i = 0; i < tasks.size(); i++) {
            if (tasks.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** What is left of the pipeline's time, or less when the task sets its own {@code spec.timeout}. */
    private Duration timeoutOf(CommandTask task) {
        Duration left = Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime()));
        if (task.tool() != null && task.tool().path("spec").hasNonNull("timeout")) {
            Duration own = Duration.ofMillis(Durations.toMillis(Json.plain(task.tool().path("spec").get("timeout"))));
            return own.compareTo(left) < 0 ? own : left;
        }
        return left;
    }

    private static long delayBefore(TaskRule rule, int nextAttempt) {
        String b = rule.backoff() == null ? "fixed" : rule.backoff().toLowerCase(Locale.ROOT);
        PolicyRule.Backoff backoff = switch (b) {
            case "exponential" -> PolicyRule.Backoff.EXPONENTIAL;
            case "linear" -> PolicyRule.Backoff.LINEAR;
            default -> PolicyRule.Backoff.FIXED;
        };
        long delay = rule.delayMs() == null ? 0 : rule.delayMs();
        return new PolicyRule(rule.when(), PolicyRule.Action.RETRY, 1, backoff, delay).delayBefore(nextAttempt);
    }

    /** Waits {@code ms}, but not past the pipeline's time limit nor after a cancel request. */
    private void sleep(long ms) throws InterruptedException {
        long until = Math.min(System.nanoTime() + ms * 1_000_000, deadline);
        while (!cancellation.isCancelled() && until - System.nanoTime() > 0) {
            Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
        }
    }
}
