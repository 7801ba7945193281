package io.noetl.schemas.error;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP statuses as clients report them, and the class each status means. A number counts as a status only in an
 * HTTP context (after {@code HTTP}, {@code status}, {@code status code}, {@code response code}, {@code Error code},
 * in {@code 503 Server Error}, {@code '502 Bad Gateway'}, {@code 429, message=}, {@code error occurred (404)},
 * {@code returned error: 503}) or
 * followed by its standard reason phrase, so ports, durations and counts are never read as statuses.
 */
final class HttpStatuses {

    private static final String REASONS = "bad request|unauthorized|payment required|forbidden|not found"
            + "|method not allowed|not acceptable|proxy authentication required|request time-?out|conflict|gone"
            + "|length required|precondition failed|payload too large|request entity too large|uri too long"
            + "|unsupported media type|unprocessable entity|unprocessable content|locked|too many requests"
            + "|internal server error|not implemented|bad gateway|service unavailable|gateway time-?out"
            + "|insufficient storage|network authentication required";

    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("(?i)\\bhttp(?:/\\d(?:\\.\\d)?)?(?:\\s+(?:error|status|code))?[\\s:#]*"
                    + "([1-5]\\d\\d)\\b"),
            Pattern.compile("(?i)\\bstatus(?:[ _-]?code)?(?:\\s*[=:]\\s*|\\s+(?:of|is)\\s+|\\s+)['\"]?"
                    + "([1-5]\\d\\d)\\b"),
            Pattern.compile("(?i)\\bstatuscode['\"]?\\s*[=:]\\s*([1-5]\\d\\d)\\b"),
            Pattern.compile("(?i)\\bstatus\\s*\\(\\s*([1-5]\\d\\d)\\s*\\)"),
            Pattern.compile("(?i)\\bresponse code:?\\s*([1-5]\\d\\d)\\b"),
            Pattern.compile("(?i)\\b(?:error|http) code:?\\s*([1-5]\\d\\d)\\b"),
            Pattern.compile("(?i)\\b([45]\\d\\d) (?:client|server) error\\b"),
            Pattern.compile("(?i)\\b(?:client|server) error '([45]\\d\\d)\\b"),
            Pattern.compile("(?i)(?:^|error:\\s*|\\()([45]\\d\\d), message="),
            Pattern.compile("(?i)\\berror occurred \\(([45]\\d\\d)\\)"),
            Pattern.compile("(?i)\\b(?:api|http)error\\s*[(<]\\s*([45]\\d\\d)\\b"),
            Pattern.compile("(?i)<httperror ([45]\\d\\d)\\b"),
            Pattern.compile("(?i)\\berror ([45]\\d\\d):"),
            Pattern.compile("(?i)\\breturned (?:an? )?(?:error|http(?: status)?|status)(?: code)?[:\\s]*([45]\\d\\d)\\b"),
            Pattern.compile("(?i)\\btoo many ([45]\\d\\d) error responses"),
            Pattern.compile("(?i)\\b([45]\\d\\d)\\s*[-:]?\\s*(?:" + REASONS + ")\\b"));

    private HttpStatuses() {
    }

    /** The first 4xx/5xx status the text reports, or null. */
    static Integer find(String text) {
        if (text == null || !hasErrorNumber(text)) {
            return null;
        }
        int bestAt = Integer.MAX_VALUE;
        Integer best = null;
        for (Pattern p : PATTERNS) {
            Matcher m = p.matcher(text);
            while (m.find() && m.start() < bestAt) {
                int code = Integer.parseInt(m.group(1));
                if (code >= 400) {
                    bestAt = m.start();
                    best = code;
                    break;
                }
            }
        }
        return best;
    }

    /** Whether a three-digit number from 400 to 599 stands alone somewhere in the text (cheap, before the patterns). */
    private static boolean hasErrorNumber(String text) {
        int n = text.length();
        for (int i = 0; i + 2 < n; i++) {
            char c = text.charAt(i);
            if ((c == '4' || c == '5') && Character.isDigit(text.charAt(i + 1))
                    && Character.isDigit(text.charAt(i + 2)) && (i == 0 || !Character.isDigit(text.charAt(i - 1)))
                    && (i + 3 == n || !Character.isDigit(text.charAt(i + 3)))) {
                return true;
            }
        }
        return false;
    }

    /** The class of an error response: 504/408 time out, 429 throttles, 401/403/404/410 as named, else by range. */
    static ErrorClass classOf(int status) {
        return switch (status) {
            case 408, 504 -> ErrorClass.TIMEOUT;
            case 429 -> ErrorClass.RATE_LIMITED;
            case 401 -> ErrorClass.AUTH;
            case 403 -> ErrorClass.PERMISSION;
            case 404, 410 -> ErrorClass.NOT_FOUND;
            default -> status >= 500 && status < 600 ? ErrorClass.DEPENDENCY_5XX
                    : status >= 400 && status < 500 ? ErrorClass.BAD_REQUEST : ErrorClass.UNKNOWN;
        };
    }
}
