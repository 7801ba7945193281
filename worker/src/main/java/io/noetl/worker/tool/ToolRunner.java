package io.noetl.worker.tool;

/**
 * Runs one kind of tool. Implementations never throw for a tool failure: they return
 * {@link ToolOutcome.Failed} with the error type and whether a retry may succeed. They register on
 * {@link ToolCall#cancellation()} how to stop them, and report {@link ToolCall#stopped(String)} when stopped.
 */
public interface ToolRunner {

    /** The tool kind on the wire ({@code python}, {@code http}, ...). */
    String kind();

    /**
     * Runs the tool.
     *
     * @throws InterruptedException when the worker's thread was interrupted (timeout, cancel, shutdown)
     */
    ToolOutcome run(ToolCall call) throws InterruptedException;

    /**
     * Whether the tool may block (I/O, processes). A tool that returns at once ({@code noop}) is run on the
     * command's own thread, without the time-limit guard thread.
     */
    default boolean mayBlock() {
        return true;
    }
}
