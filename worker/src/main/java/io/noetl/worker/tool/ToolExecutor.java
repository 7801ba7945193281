package io.noetl.worker.tool;

import io.noetl.schemas.Json;
import io.noetl.schemas.command.Command;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.template.TemplateException;
import io.noetl.schemas.template.Templates;
import io.noetl.worker.cancel.CancelRegistry;
import io.noetl.worker.keychain.Keychain;
import io.noetl.worker.keychain.KeychainException;
import io.noetl.worker.keychain.KeychainResolver;
import io.noetl.worker.keychain.KeychainSpec;
import io.noetl.worker.keychain.WorkerTokens;
import io.noetl.worker.tool.jdbc.SqlErrors;
import io.noetl.worker.tool.jdbc.SqlTool;
import io.noetl.worker.tool.pipeline.CursorDrain;
import io.noetl.worker.tool.pipeline.PipelineRun;
import io.noetl.worker.tool.pipeline.TaskRunner;
import io.noetl.worker.tool.postgres.PgConnections;
import io.noetl.worker.redact.Redactor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the tool of one command: resolves the keychain, renders the tool configuration against the context,
 * and runs the matching {@link ToolRunner} on its own virtual thread under the time limit, stoppable by a
 * cancel request. Never throws for a tool failure.
 */
public final class ToolExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(ToolExecutor.class);
    /** Time a stopped tool gets to report its own outcome (with its logs) before one is made up for it. */
    private static final long STOP_GRACE_MS = 3_000;
    /** Extra time the guard gives a tool that enforces the limit itself (processes, HTTP). */
    private static final long GUARD_SLACK_MS = 1_000;

    private final Map<String, ToolRunner> runners;
    private final KeychainResolver keychainResolver;
    private final Duration defaultTimeout;
    private final CancelRegistry cancels;

    public ToolExecutor(Map<String, ToolRunner> runners, KeychainResolver keychainResolver,
                        Duration defaultTimeout, CancelRegistry cancels) {
        this.runners = Map.copyOf(runners);
        this.keychainResolver = keychainResolver;
        this.defaultTimeout = defaultTimeout;
        this.cancels = cancels;
    }

    /**
     * Runs {@code command}'s task pipeline (its one tool for a command without tasks) to an outcome: the keychain is
     * resolved once, then each task is rendered and run in turn under the pipeline's time limit (see
     * {@link PipelineRun}); a cancel request of the execution stops whichever task runs.
     */
    public ToolExecution execute(Command command) throws InterruptedException {
        long start = System.nanoTime();
        String first = kindOf(command.tasks() != null && !command.tasks().isEmpty()
                ? command.tasks().get(0).kind() : command.toolKind());
        if (!runners.containsKey(first)) {
            // nothing would run: say so at once rather than resolve a keychain for it
            return new ToolExecution(UnsupportedKinds.failure(first, runners.keySet()), Keychain.EMPTY,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }
        Map<String, Object> context = new LinkedHashMap<>(Json.plainMap(command.context()));
        context.putIfAbsent("execution_id", command.executionId());
        Duration timeout = command.timeoutMs() != null && command.timeoutMs() > 0
                ? Duration.ofMillis(command.timeoutMs()) : defaultTimeout;
        Keychain keychain = new Keychain(Map.of(), Map.of());
        ToolOutcome outcome;
        Cancellation pipeline = new Cancellation();
        try (CancelRegistry.Registration ignored = cancels.register(command.executionId(), pipeline)) {
            keychain = keychainResolver.resolve(KeychainSpec.of(command.keychain()), context,
                    command.executionId(), command.parentExecutionId());
            context.put("keychain", keychain.values());
            Keychain resolved = keychain;
            WorkerTokens tokens = keychainResolver.tokens(keychain);
            TaskRunner tasks = (kind, tool, taskContext, limit) -> runTask(command, kindOf(kind), tool, taskContext,
                    resolved, tokens, limit, pipeline);
            outcome = command.cursor() == null ? new PipelineRun(command, context, tasks, timeout, pipeline).run()
                    : drain(command, context, tasks, timeout, pipeline, new ToolCall(command, "postgres",
                            Map.of(), context, resolved, timeout, pipeline,
                            new KeychainAuth(keychainResolver, resolved, tokens)));
        } catch (KeychainException e) {
            keychain.reveal(e.revealed());
            outcome = ToolOutcome.Failed.of(e.toError());
        }
        return new ToolExecution(outcome, keychain, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    /**
     * A worker slot of a cursor loop: claims rows with the cursor's {@code claim} (rendered; PostgreSQL through the
     * cursor's {@code auth} or {@code options.connection}) and runs the pipeline for each (see {@link CursorDrain}).
     */
    private static ToolOutcome drain(Command command, Map<String, Object> context, TaskRunner tasks, Duration timeout,
                                     Cancellation pipeline, ToolCall call) throws InterruptedException {
        Map<String, Object> cursor = Json.plainMap(command.cursor());
        String kind = kindOf(cursor.get("kind") == null ? "postgres" : String.valueOf(cursor.get("kind")));
        if (!"postgres".equals(kind)) {
            return ToolOutcome.Failed.fatal("UnsupportedTool", "cursor kind '" + kind + "' is not supported here"
                    + " (a cursor claims its rows from postgres)");
        }
        Map<String, Object> endpoint = new LinkedHashMap<>();
        try {
            if (cursor.get("options") instanceof Map<?, ?> options && options.get("connection") != null) {
                endpoint.put("connection", Templates.render(options.get("connection"), context));
            }
            endpoint.put("auth", Templates.render(cursor.get("auth"), context));
        } catch (TemplateException e) {
            return ToolOutcome.Failed.fatal("TemplateError", "cursor: " + e.getMessage());
        }
        Map<String, Object> claimContext = new LinkedHashMap<>(context);
        claimContext.putIfAbsent("__frame_max_rows", 1);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (java.sql.Connection connection = PgConnections.open(PgConnections.target(endpoint, call))) {
            pipeline.onCancel(() -> abortQuietly(connection));
            String claim = String.valueOf(cursor.get("claim"));
            CursorDrain.Claims claims = () -> SqlTool.rows(connection, Templates.renderText(claim, claimContext))
                    .valueStream().map(Json::plainMap).toList();
            return CursorDrain.run(context, String.valueOf(cursor.get("iterator")), claims, rowContext ->
                    new PipelineRun(command, rowContext, tasks,
                            Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())), pipeline));
        } catch (IllegalArgumentException e) {
            return ToolOutcome.Failed.fatal("ConfigError", "cursor: " + e.getMessage());
        } catch (java.sql.SQLException e) {
            return SqlErrors.classify("cursor claim on postgres", e);
        }
    }

    private static void abortQuietly(java.sql.Connection c) {
        try {
            c.abort(Runnable::run);
        } catch (java.sql.SQLException | RuntimeException ignored) {
            // already closed
        }
    }

    private static String kindOf(String kind) {
        return kind == null ? "" : kind.trim().toLowerCase(Locale.ROOT);
    }

    /** Renders and runs one task; a template or credential failure is the task's outcome, as any tool failure. */
    private ToolOutcome runTask(Command command, String kind, Map<String, Object> tool, Map<String, Object> context,
                                Keychain keychain, WorkerTokens tokens, Duration timeout, Cancellation pipeline)
            throws InterruptedException {
        ToolRunner runner = runners.get(kind);
        if (runner == null) {
            return UnsupportedKinds.failure(kind, runners.keySet());
        }
        Map<String, Object> renderContext = new LinkedHashMap<>(context);
        renderContext.put(Templates.TOKEN_SOURCE, tokens);
        try {
            Map<String, Object> config = RenderedConfig.of(tool, renderContext);
            Cancellation cancellation = new Cancellation();
            pipeline.onCancel(() -> cancellation.cancel(pipeline.reason().orElse(Cancellation.Reason.CANCELLED)));
            ToolCall call = new ToolCall(command, kind, config, context, keychain, timeout, cancellation,
                    new KeychainAuth(keychainResolver, keychain, tokens));
            return runner.mayBlock() ? guarded(runner, call) : runner.run(call);
        } catch (KeychainException e) {
            keychain.reveal(e.revealed());
            return ToolOutcome.Failed.of(e.toError());
        } catch (TemplateException e) {
            // a template engine says only that a function or a lookup failed: the credential failure says why, and
            // whether a retry may help
            Optional<KeychainException> cause = tokens.failure().or(keychain::lastFailure);
            cause.ifPresent(k -> keychain.reveal(k.revealed()));
            return cause.map(k -> ToolOutcome.Failed.of(k.toError()))
                    .orElseGet(() -> ToolOutcome.Failed.fatal("TemplateError", e.getMessage()));
        }
    }

    private static ToolOutcome guarded(ToolRunner runner, ToolCall call) throws InterruptedException {
        FutureTask<ToolOutcome> task = new FutureTask<>(() -> runner.run(call));
        Thread thread = Thread.ofVirtual().name("tool-" + call.command().step()).start(task);
        call.cancellation().onCancel(thread::interrupt);
        try {
            return outcome(task, call, call.timeout().toMillis() + GUARD_SLACK_MS);
        } catch (TimeoutException e) {
            call.cancellation().cancel(Cancellation.Reason.TIMEOUT);
            try {
                return outcome(task, call, STOP_GRACE_MS);
            } catch (TimeoutException stuck) {
                LOG.warn("tool {} of step {} did not stop within {} ms after its time limit",
                        runner.kind(), call.command().step(), STOP_GRACE_MS);
                return call.timedOut(null);
            }
        } catch (InterruptedException e) {
            // the worker itself is stopping: stop the tool too
            call.cancellation().cancel(Cancellation.Reason.CANCELLED);
            throw e;
        }
    }

    private static ToolOutcome outcome(FutureTask<ToolOutcome> task, ToolCall call, long waitMs)
            throws InterruptedException, TimeoutException {
        try {
            return task.get(waitMs, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (call.cancellation().isCancelled()) {
                return call.stopped(null).orElseThrow();
            }
            if (cause instanceof TemplateException te) {
                return ToolOutcome.Failed.fatal("TemplateError", te.getMessage());
            }
            if (cause instanceof KeychainException ke) {
                call.keychain().reveal(ke.revealed());
                return ToolOutcome.Failed.of(ke.toError());
            }
            // logs get the same redaction as events: an exception message may carry a connection string
            LOG.error("tool {} of step {} crashed: {}", call.kind(), call.command().step(),
                    new Redactor(call.keychain().secrets()).text(stack(cause)));
            return ToolOutcome.Failed.of(new ErrorInfo("InternalError", String.valueOf(cause), stack(cause), false));
        }
    }

    private static String stack(Throwable t) {
        StringWriter sw = new StringWriter();
        t.printStackTrace(new PrintWriter(sw));
        return sw.toString();
    }
}
