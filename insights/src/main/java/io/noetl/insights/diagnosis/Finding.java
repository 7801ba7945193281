package io.noetl.insights.diagnosis;

import io.noetl.schemas.error.ErrorClass;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.event.Event;
import java.util.List;

/**
 * What the execution's own events say caused its outcome, before any store is read.
 *
 * @param mode        which rule of DESIGN.md's root-cause contract applied
 * @param step        the step named as failing (or retrying, or rejected), or null when none is
 * @param errorClass  the class of the root cause, null when there is none ({@link Mode#CLEAN})
 * @param error       the error that decided it (the last attempt's), or null
 * @param cause       the event that carries that error, or null
 * @param attempts    the step's error events, oldest first (evidence of retries)
 * @param toolKind    the failing step's tool kind, or null
 * @param childPath   for a failed sub-playbook: the chain of {@code playbook/step} the error came up through,
 *                    innermost last; empty otherwise
 * @param explicitCode true when an HTTP status or SQLSTATE decided the class
 */
public record Finding(Mode mode, String step, ErrorClass errorClass, ErrorInfo error, Event cause,
        List<Event> attempts, String toolKind, List<String> childPath, boolean explicitCode) {

    /** The rule that applied. */
    public enum Mode {
        /** The execution failed: the last attempt of the step that failed it. */
        FAILED,
        /** It completed, after retried errors: their class. */
        RETRIED,
        /** A person rejected the data at a decision step. */
        REJECTED,
        /** A person or a parent cancelled it. */
        CANCELLED,
        /** Still running (or waiting): what is known so far. */
        RUNNING,
        /** It completed with no error at all. */
        CLEAN
    }

    public Finding {
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
        childPath = childPath == null ? List.of() : List.copyOf(childPath);
    }
}
