package io.noetl.schemas.error;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQLSTATEs as drivers and the worker report them ({@code SQLSTATE 42P01}, {@code [SQLSTATE 42P01]},
 * {@code SQL state [42P01]}, {@code pgcode=42P01}, the worker's {@code failed [42P01]:}, ODBC's {@code [28000]})
 * and the class each one means.
 */
final class SqlStates {

    /** SQLSTATE classes a bare bracketed code may belong to (a bare {@code [12345]} is a process id, not a state). */
    private static final Set<String> KNOWN_CLASSES = Set.of("08", "0A", "21", "22", "23", "25", "28", "2B", "2D",
            "3D", "3F", "40", "42", "44", "53", "54", "55", "57", "58", "XX", "HY");

    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("(?i)\\b(?:sql ?state|pgcode|sqlcode)\\b['\"]?\\s*[:=]?\\s*[\\[(]?['\"]?"
                    + "((?=[0-9A-Za-z]{0,4}\\d)[0-9A-Za-z]{5})\\b"),
            Pattern.compile("\\[([0-9A-Z]{2}[0-9A-Z]{3})]"));

    private SqlStates() {
    }

    /** The first SQLSTATE the text reports, upper case, or null. */
    static String find(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("state") || lower.contains("pgcode") || lower.contains("sqlcode")) {
            Matcher explicit = PATTERNS.get(0).matcher(text);
            if (explicit.find()) {
                return explicit.group(1).toUpperCase(Locale.ROOT);
            }
        }
        if (text.indexOf('[') < 0) {
            return null;
        }
        Matcher bracketed = PATTERNS.get(1).matcher(text);
        while (bracketed.find()) {
            String state = bracketed.group(1);
            if (KNOWN_CLASSES.contains(state.substring(0, 2)) && !state.chars().allMatch(c -> c == '0')) {
                return state;
            }
        }
        return null;
    }

    /**
     * The class a SQLSTATE means, or null when the state says nothing the message would not say better
     * ({@code P0001} raise_exception, {@code HY000} general error, unknown classes).
     */
    static ErrorClass classOf(String state) {
        if (state == null || state.length() != 5) {
            return null;
        }
        switch (state) {
            case "42501", "25006" -> {
                return ErrorClass.PERMISSION;
            }
            case "42P01", "42703", "42883", "42704", "42S02", "42S22", "42P02", "3D000", "3F000" -> {
                return ErrorClass.NOT_FOUND;
            }
            case "57014", "55P03" -> {
                return ErrorClass.TIMEOUT;
            }
            case "57P01", "57P02", "57P03" -> {
                return ErrorClass.CONNECTION;
            }
            case "25P02" -> {
                return ErrorClass.CODE_ERROR;
            }
            case "40001", "40P01" -> {
                return ErrorClass.DEPENDENCY_5XX;
            }
            default -> {
                return byClass(state.substring(0, 2));
            }
        }
    }

    private static ErrorClass byClass(String stateClass) {
        return switch (stateClass) {
            case "08" -> ErrorClass.CONNECTION;
            case "28" -> ErrorClass.AUTH;
            case "23", "22" -> ErrorClass.VALIDATION;
            case "42", "0A", "2B", "2D", "3F", "44" -> ErrorClass.BAD_REQUEST;
            case "53" -> ErrorClass.RESOURCE_EXHAUSTED;
            case "XX", "58" -> ErrorClass.DEPENDENCY_5XX;
            case "3D" -> ErrorClass.NOT_FOUND;
            default -> null;
        };
    }
}
