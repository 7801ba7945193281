package io.noetl.insights.search;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time a natural-language query speaks of ("payment API timeouts last week", "errors in the past 3 hours",
 * "yesterday", "since 2026-11-01"), taken out of the text that is embedded. Days are UTC days.
 *
 * @param text what is left to embed
 * @param from start of the range, or null
 * @param to   end of the range (exclusive), or null
 */
public record QueryTime(String text, Instant from, Instant to) {

    private static final Pattern LAST_N = Pattern.compile(
            "\\b(?:in\\s+)?(?:the\\s+)?(?:last|past)\\s+(\\d{1,4})\\s+(minute|hour|day|week|month)s?\\b");
    private static final Pattern LAST = Pattern.compile(
            "\\b(?:in\\s+)?(?:the\\s+)?(?:last|past|this)\\s+(hour|day|week|month)\\b");
    private static final Pattern SINCE = Pattern.compile("\\bsince\\s+(\\d{4}-\\d{2}-\\d{2})\\b");
    private static final Pattern YESTERDAY = Pattern.compile("\\byesterday\\b");
    private static final Pattern TODAY = Pattern.compile("\\btoday\\b");

    /** @return the query's time range (if it states one) and the rest of its text */
    public static QueryTime parse(String query, Instant now) {
        String q = query.toLowerCase(Locale.ROOT);
        Matcher m = LAST_N.matcher(q);
        if (m.find()) {
            Duration unit = unit(m.group(2));
            return new QueryTime(cut(query, m), now.minus(unit.multipliedBy(Long.parseLong(m.group(1)))), null);
        }
        m = LAST.matcher(q);
        if (m.find()) {
            return new QueryTime(cut(query, m), now.minus(unit(m.group(1))), null);
        }
        m = SINCE.matcher(q);
        if (m.find()) {
            try {
                return new QueryTime(cut(query, m), LocalDate.parse(m.group(1)).atStartOfDay(ZoneOffset.UTC)
                        .toInstant(), null);
            } catch (DateTimeParseException e) {
                return new QueryTime(query.strip(), null, null);
            }
        }
        Instant today = LocalDate.ofInstant(now, ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
        m = YESTERDAY.matcher(q);
        if (m.find()) {
            return new QueryTime(cut(query, m), today.minus(Duration.ofDays(1)), today);
        }
        m = TODAY.matcher(q);
        if (m.find()) {
            return new QueryTime(cut(query, m), today, null);
        }
        return new QueryTime(query.strip(), null, null);
    }

    private static Duration unit(String unit) {
        return switch (unit) {
            case "minute" -> Duration.ofMinutes(1);
            case "hour" -> Duration.ofHours(1);
            case "day" -> Duration.ofDays(1);
            case "week" -> Duration.ofDays(7);
            default -> Duration.ofDays(30);
        };
    }

    private static String cut(String query, Matcher m) {
        String rest = (query.substring(0, m.start()) + " " + query.substring(m.end())).replaceAll("\\s+", " ").strip();
        return rest.isEmpty() ? query.strip() : rest;
    }
}
