package io.noetl.schemas.error;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * gRPC status codes as the clients print them: {@code StatusRuntimeException: UNAVAILABLE: ...} (Java),
 * {@code status = StatusCode.DEADLINE_EXCEEDED} (Python), {@code rpc error: code = PermissionDenied} (Go),
 * {@code 14 UNAVAILABLE: ...} (Node), {@code Status{code=NOT_FOUND, ...}}.
 */
final class GrpcCodes {

    private static final Map<String, ErrorClass> CLASSES = Map.ofEntries(
            Map.entry("DEADLINE_EXCEEDED", ErrorClass.TIMEOUT),
            Map.entry("UNAVAILABLE", ErrorClass.CONNECTION),
            Map.entry("PERMISSION_DENIED", ErrorClass.PERMISSION),
            Map.entry("UNAUTHENTICATED", ErrorClass.AUTH),
            Map.entry("NOT_FOUND", ErrorClass.NOT_FOUND),
            Map.entry("INVALID_ARGUMENT", ErrorClass.BAD_REQUEST),
            Map.entry("FAILED_PRECONDITION", ErrorClass.BAD_REQUEST),
            Map.entry("OUT_OF_RANGE", ErrorClass.BAD_REQUEST),
            Map.entry("ALREADY_EXISTS", ErrorClass.BAD_REQUEST),
            Map.entry("UNIMPLEMENTED", ErrorClass.BAD_REQUEST),
            Map.entry("RESOURCE_EXHAUSTED", ErrorClass.RESOURCE_EXHAUSTED),
            Map.entry("CANCELLED", ErrorClass.CANCELLED),
            Map.entry("INTERNAL", ErrorClass.DEPENDENCY_5XX),
            Map.entry("DATA_LOSS", ErrorClass.DEPENDENCY_5XX),
            Map.entry("ABORTED", ErrorClass.DEPENDENCY_5XX));

    private static final String UPPER = "DEADLINE_EXCEEDED|UNAVAILABLE|PERMISSION_DENIED|UNAUTHENTICATED|NOT_FOUND"
            + "|INVALID_ARGUMENT|FAILED_PRECONDITION|OUT_OF_RANGE|ALREADY_EXISTS|UNIMPLEMENTED|RESOURCE_EXHAUSTED"
            + "|CANCELLED|INTERNAL|DATA_LOSS|ABORTED|UNKNOWN";
    private static final List<String> UPPER_NAMES = List.of(UPPER.split("\\|"));
    private static final Pattern UPPER_CODE = Pattern.compile("(?:StatusCode\\.|\\bcode\\s*[=:]\\s*"
            + "|\\bstatus['\"]?\\s*[=:]\\s*['\"]?|Exception:\\s*|\\b\\d{1,2}\\s+|^\\s*)(" + UPPER + ")\\b");
    private static final Pattern CAMEL_CODE = Pattern.compile("\\bcode\\s*=\\s*(DeadlineExceeded|Unavailable"
            + "|PermissionDenied|Unauthenticated|NotFound|InvalidArgument|FailedPrecondition|OutOfRange"
            + "|AlreadyExists|Unimplemented|ResourceExhausted|Canceled|Internal|DataLoss|Aborted|Unknown)\\b");

    private GrpcCodes() {
    }

    /** The gRPC code name the text reports, upper snake case, or null. */
    static String find(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (UPPER_NAMES.stream().anyMatch(text::contains)) {
            Matcher upper = UPPER_CODE.matcher(text);
            if (upper.find()) {
                return upper.group(1);
            }
        }
        if (!text.contains("code")) {
            return null;
        }
        Matcher camel = CAMEL_CODE.matcher(text);
        if (camel.find()) {
            String c = camel.group(1);
            return c.equals("Canceled") ? "CANCELLED"
                    : c.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
        }
        return null;
    }

    /** The class a code means, or null for {@code UNKNOWN} and names that are not codes. */
    static ErrorClass classOf(String code) {
        return code == null ? null : CLASSES.get(code);
    }
}
