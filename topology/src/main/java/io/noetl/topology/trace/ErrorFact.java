package io.noetl.topology.trace;

/**
 * One error seen by a trace, with what orders errors independently of arrival: its timestamp, then its event id.
 *
 * @param ts      event timestamp, epoch ms
 * @param eventId the event that carried it
 * @param message cut to {@link TraceState#MESSAGE_CHARS}
 */
record ErrorFact(long ts, String eventId, String type, String errorClass, String templateId, String template,
        String message) {

    /** True when this error happened before {@code other} (null counts as later than anything). */
    boolean before(ErrorFact other) {
        if (other == null) {
            return true;
        }
        return ts != other.ts ? ts < other.ts : eventId.compareTo(other.eventId) < 0;
    }

    static ErrorFact first(ErrorFact a, ErrorFact b) {
        return a == null ? b : b == null ? a : a.before(b) ? a : b;
    }
}
