package io.noetl.schemas.playbook;

/**
 * What the playbook's {@code executor:} says about running it (NoETL's executor model: {@code executor.spec}).
 *
 * @param entryStep {@code executor.spec.entry_step}: the step executions start at, or null
 * @param finalStep {@code executor.spec.final_step}: a step run once when nothing else is left to run, or null
 */
public record Executor(String entryStep, String finalStep) {

    public static final Executor NONE = new Executor(null, null);
}
