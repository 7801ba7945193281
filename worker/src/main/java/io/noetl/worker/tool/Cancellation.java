package io.noetl.worker.tool;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops one running tool: a timeout or a cancel request sets the reason once and runs the hooks the tool
 * registered (destroy a process tree, cancel a statement). A hook registered after cancellation runs at once.
 */
public final class Cancellation {

    private static final Logger LOG = LoggerFactory.getLogger(Cancellation.class);

    /** Why a tool was stopped. */
    public enum Reason { TIMEOUT, CANCELLED }

    private final AtomicReference<Reason> reason = new AtomicReference<>();
    private final List<Runnable> hooks = new CopyOnWriteArrayList<>();

    /** Registers {@code hook}; runs it now when already cancelled. */
    public void onCancel(Runnable hook) {
        hooks.add(hook);
        if (reason.get() != null) {
            run(hook);
        }
    }

    /** Sets the reason (the first one wins) and runs every hook; false when it was already cancelled. */
    public boolean cancel(Reason why) {
        if (!reason.compareAndSet(null, why)) {
            return false;
        }
        hooks.forEach(Cancellation::run);
        return true;
    }

    public Optional<Reason> reason() {
        return Optional.ofNullable(reason.get());
    }

    public boolean isCancelled() {
        return reason.get() != null;
    }

    private static void run(Runnable hook) {
        try {
            hook.run();
        } catch (RuntimeException e) {
            // a failing hook must not keep the others from running
            LOG.warn("cancel hook failed: {}", e.toString());
        }
    }
}
