package io.noetl.schemas.template;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Python's string methods that Jinja2 templates call on strings, for Jinjava (whose strings are Java's). */
final class PyStrings {

    /** Returned for a method this class does not know: Jinjava's own resolver then tries it. */
    static final Object UNKNOWN = new Object();

    private PyStrings() {
    }

    static Object call(String s, String method, Object[] args) {
        String a0 = args.length > 0 && args[0] != null ? String.valueOf(args[0]) : null;
        return switch (method) {
            case "upper" -> s.toUpperCase(Locale.ROOT);
            case "lower" -> s.toLowerCase(Locale.ROOT);
            case "strip" -> a0 == null ? s.strip() : strip(s, a0, true, true);
            case "lstrip" -> a0 == null ? s.stripLeading() : strip(s, a0, true, false);
            case "rstrip" -> a0 == null ? s.stripTrailing() : strip(s, a0, false, true);
            case "startswith" -> a0 != null && s.startsWith(a0);
            case "endswith" -> a0 != null && s.endsWith(a0);
            case "split" -> split(s, a0);
            case "title" -> title(s);
            case "capitalize" -> s.isEmpty() ? s
                    : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
            case "isdigit" -> !s.isEmpty() && s.chars().allMatch(Character::isDigit);
            case "find" -> a0 == null ? -1 : s.indexOf(a0);
            case "count" -> a0 == null || a0.isEmpty() ? 0 : (s.length() - s.replace(a0, "").length()) / a0.length();
            default -> UNKNOWN;
        };
    }

    private static List<String> split(String s, String separator) {
        if (separator == null) {
            String trimmed = s.strip();
            return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+"));
        }
        return Arrays.asList(s.split(java.util.regex.Pattern.quote(separator), -1));
    }

    private static String strip(String s, String chars, boolean left, boolean right) {
        int start = 0;
        int end = s.length();
        while (left && start < end && chars.indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        while (right && end > start && chars.indexOf(s.charAt(end - 1)) >= 0) {
            end--;
        }
        return s.substring(start, end);
    }

    private static String title(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean start = true;
        for (char c : s.toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : Character.toLowerCase(c));
            start = !Character.isLetterOrDigit(c);
        }
        return out.toString();
    }
}
