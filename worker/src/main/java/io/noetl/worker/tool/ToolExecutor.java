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
import io.noetl.worker.redact.Redactor;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
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

    /** Runs {@code command}'s tool to an outcome. */
    public ToolExecution execute(Command command) throws InterruptedException {
        long start = System.nanoTime();
        String kind = command.toolKind() == null ? "" : command.toolKind().trim().toLowerCase(java.util.Locale.ROOT);
        ToolRunner runner = runners.get(kind);
        if (runner == null) {
            return new ToolExecution(UnsupportedKinds.failure(kind, runners.keySet()), Keychain.EMPTY,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        }
        Map<String, Object> context = new LinkedHashMap<>(Json.plainMap(command.context()));
        context.putIfAbsent("execution_id", command.executionId());
        Keychain keychain = new Keychain(Map.of(), Map.of());
        WorkerTokens tokens = null;
        ToolOutcome outcome;
        try {
            keychain = keychainResolver.resolve(KeychainSpec.of(command.keychain()), context,
                    command.executionId(), command.parentExecutionId());
            tokens = keychainResolver.tokens(keychain);
            outcome = run(runner, command, context, keychain, tokens);
        } catch (KeychainException e) {
            keychain.reveal(e.revealed());
            outcome = ToolOutcome.Failed.of(e.toError());
        } catch (TemplateException e) {
            // token(...) failed inside a template: its own failure says whether a retry may help
            outcome = tokens != null && tokens.failure().isPresent()
                    ? ToolOutcome.Failed.of(tokens.failure().get().toError())
                    : ToolOutcome.Failed.fatal("TemplateError", e.getMessage());
        }
        return new ToolExecution(outcome, keychain, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    private ToolOutcome run(ToolRunner runner, Command command, Map<String, Object> context, Keychain keychain,
                            WorkerTokens tokens) throws InterruptedException {
        context.put("keychain", keychain.values());
        Map<String, Object> renderContext = new LinkedHashMap<>(context);
        renderContext.put(Templates.TOKEN_SOURCE, tokens);
        Map<String, Object> config = RenderedConfig.of(Json.plainMap(command.tool()), renderContext);
        Duration timeout = command.timeoutMs() != null && command.timeoutMs() > 0
                ? Duration.ofMillis(command.timeoutMs()) : defaultTimeout;
        Cancellation cancellation = new Cancellation();
        ToolCall call = new ToolCall(command, config, context, keychain, timeout, cancellation,
                new KeychainAuth(keychainResolver, keychain, tokens));
        if (!runner.mayBlock()) {
            return runner.run(call);
        }
        try (CancelRegistry.Registration ignored = cancels.register(command.executionId(), cancellation)) {
            return guarded(runner, call);
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
            LOG.error("tool {} of step {} crashed: {}", call.command().toolKind(), call.command().step(),
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
