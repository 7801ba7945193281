package io.noetl.insights.generate;

/**
 * One thing a description asks a step to do.
 *
 * @param text      the words asking for it (template markup removed)
 * @param kind      what kind of step does it, or null when no verb says (then a near playbook's step or Python)
 * @param retry     the words say it is flaky or should be retried
 * @param timeout   a time limit the words state ({@code 30s}, {@code 5m}), or null
 * @param loopNoun  the singular noun of "for each <noun>", or null
 */
record Action(String text, Kind kind, boolean retry, String timeout, String loopNoun) {

    /** The kinds of step a description's words map to. */
    enum Kind {
        /** fetch / call / get / download: an HTTP GET. */
        FETCH,
        /** notify / send / post / alert: an HTTP POST. */
        NOTIFY,
        /** query / select: SQL that reads. */
        QUERY,
        /** load / insert / upsert / store: SQL that writes rows. */
        LOAD,
        /** transform / check / validate / compute: Python. */
        COMPUTE,
        /** a shell command. */
        SHELL,
        /** approve / review: a person's decision. */
        DECISION
    }
}
