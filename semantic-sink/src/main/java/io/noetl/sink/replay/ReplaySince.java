package io.noetl.sink.replay;

import io.noetl.schemas.playbook.Durations;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the time a {@code --since} replay starts from: an ISO-8601 instant or a duration back from now. */
public final class ReplaySince {

    /** The accepted forms, for error messages. */
    public static final String FORMS = "an ISO-8601 instant like 2026-01-31T08:00:00Z or a duration like 30m, 2h, 7d";
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})([smhd])");

    private ReplaySince() {
    }

    /**
     * @param option what the value is called in messages ({@code --since}, {@code since})
     * @param raw    the value
     * @param now    the time a duration counts back from
     * @return the instant
     * @throws IllegalArgumentException naming the option and the accepted forms
     */
    public static Instant parse(String option, String raw, Instant now) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException(option + " is empty: use " + FORMS);
        }
        String value = raw.trim();
        Matcher m = DURATION.matcher(value);
        if (m.matches()) {
            // the units are those of playbook durations; here a unit is required
            return now.minusMillis(Durations.toMillis(value));
        }
        Instant at;
        try {
            at = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " '" + raw + "' is not a time: use " + FORMS);
        }
        if (at.isAfter(now)) {
            throw new IllegalArgumentException(option + " '" + raw + "' is in the future");
        }
        return at;
    }
}
