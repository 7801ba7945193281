package io.noetl.schemas.error;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Process exit codes that tell why a command ended: 124 (GNU {@code timeout}), 126 (not executable), 127 (command
 * not found), 130/143 (interrupted or terminated by a signal someone sent), 137 (killed, in containers the OOM
 * killer), 139 (segmentation fault). Other codes are the program's own and say nothing.
 */
final class ExitCodes {

    private static final Pattern EXIT = Pattern.compile("(?i)(?:exited with (?:code|status)|exit (?:code|status)"
            + "|returned non-zero exit status|exit_code\\s*[=:])\\s*(\\d{1,3})\\b");
    private static final double WEIGHT = 5;

    private ExitCodes() {
    }

    /** Adds the evidence of the first exit code in {@code text}. */
    static void score(String text, Scores scores) {
        if (text == null || text.isEmpty()) {
            return;
        }
        Matcher m = EXIT.matcher(text);
        if (!m.find()) {
            return;
        }
        ErrorClass c = switch (Integer.parseInt(m.group(1))) {
            case 124 -> ErrorClass.TIMEOUT;
            case 126 -> ErrorClass.PERMISSION;
            case 127 -> ErrorClass.NOT_FOUND;
            case 130, 143 -> ErrorClass.CANCELLED;
            case 137 -> ErrorClass.RESOURCE_EXHAUSTED;
            case 139 -> ErrorClass.CODE_ERROR;
            default -> null;
        };
        if (c != null) {
            scores.add(c, WEIGHT);
        }
    }
}
