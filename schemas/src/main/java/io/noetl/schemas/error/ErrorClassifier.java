package io.noetl.schemas.error;

import java.util.Locale;
import java.util.Set;

/**
 * The one error classifier of the platform (worker, server, topology and insights use it), implementing the
 * root-cause contract of DESIGN.md. Evidence is combined by precedence:
 * <ol>
 *   <li>the producer's own types that say the class ({@code Cancelled}, {@code Timeout}, {@code Rejected},
 *       {@code TemplateError}, ...);</li>
 *   <li>explicit codes: an HTTP status (given, or reported in the message), then a SQLSTATE, then a gRPC status
 *       code — a code wins over words;</li>
 *   <li>weighted evidence: error types and exception names ({@code types.tsv}), process exit codes and phrase
 *       families ({@code phrases.tsv}); the stack or log tail counts half; a pool, memory, disk, quota or
 *       file-handle limit beats a timeout or connection reading, a step's own time limit beats a cancel, and a
 *       dependency that refused, reset or could not be resolved beats the timeout of the client that waited for
 *       it;</li>
 *   <li>what the tool implies when nothing else does: a failed shell command or a typed exception in a python step
 *       is the step's code, a failed SQL statement a bad request.</li>
 * </ol>
 * Stateless and thread-safe; input beyond {@value #MAX_CHARS} characters of the message and of the detail's tail is
 * not read.
 */
public final class ErrorClassifier {

    /** How much of the message (its head) and of the detail (its tail) is read. */
    public static final int MAX_CHARS = 4096;

    private static final ErrorClassifier STANDARD = new ErrorClassifier();
    private static final double DETAIL_FACTOR = 0.5;
    private static final double MIN_EVIDENCE = 2;
    private static final double STRONG = 5;
    private static final Set<String> SQL_TOOLS = Set.of("postgres", "duckdb", "sql", "mysql", "snowflake");

    /** The shared instance. */
    public static ErrorClassifier standard() {
        return STANDARD;
    }

    /**
     * Classifies an error known by its type and message.
     *
     * @param type    error type or exception name (may be null)
     * @param message error message (may be null)
     * @return the class, {@link ErrorClass#UNKNOWN} when nothing fits
     */
    public ErrorClass classify(String type, String message) {
        return classify(ErrorEvidence.of(type, message));
    }

    /**
     * Classifies one error.
     *
     * @param evidence what is known about it (null fields are fine)
     * @return the class, {@link ErrorClass#UNKNOWN} when nothing fits
     */
    public ErrorClass classify(ErrorEvidence evidence) {
        String type = evidence.type() == null ? null : evidence.type().strip();
        String message = head(evidence.message());
        String detail = tail(evidence.detail());
        ExceptionNames.Hint own = ExceptionNames.lookup(type);
        if (own != null && own.strong() && isProducerType(type)) {
            return own.errorClass();
        }
        ErrorClass coded = byCode(evidence.httpStatus(), message);
        if (coded != null) {
            return coded;
        }
        Scores scores = new Scores();
        ExceptionNames.score(type, message, detail, DETAIL_FACTOR, scores);
        ExitCodes.score(message, scores);
        Phrases.score(message, 1, scores);
        Phrases.score(detail, DETAIL_FACTOR, scores);
        ErrorClass best = scores.best();
        if ((best == ErrorClass.TIMEOUT || best == ErrorClass.CONNECTION || best == ErrorClass.CANCELLED)
                && scores.of(ErrorClass.RESOURCE_EXHAUSTED) >= STRONG) {
            best = ErrorClass.RESOURCE_EXHAUSTED;
        } else if (best == ErrorClass.CANCELLED && scores.phrasesOf(ErrorClass.TIMEOUT) >= 4) {
            best = ErrorClass.TIMEOUT;
        } else if (best == ErrorClass.TIMEOUT && scores.phrasesOf(ErrorClass.CONNECTION) >= STRONG) {
            // a client that gave up waiting because the dependency refused, reset or could not be resolved
            best = ErrorClass.CONNECTION;
        }
        if (best != ErrorClass.UNKNOWN && scores.of(best) >= MIN_EVIDENCE) {
            return best;
        }
        return byTool(type, evidence.toolKind(), message);
    }

    /** The class an explicit code says: HTTP status, then SQLSTATE, then gRPC code; null without one. */
    private static ErrorClass byCode(Integer httpStatus, String message) {
        Integer status = httpStatus != null && httpStatus >= 400 ? httpStatus : HttpStatuses.find(message);
        if (status != null) {
            ErrorClass c = HttpStatuses.classOf(status);
            if (c != ErrorClass.UNKNOWN) {
                return c;
            }
        }
        ErrorClass bySqlState = SqlStates.classOf(SqlStates.find(message));
        if (bySqlState != null) {
            return bySqlState;
        }
        ErrorClass byGrpc = GrpcCodes.classOf(GrpcCodes.find(message));
        if (byGrpc == ErrorClass.RESOURCE_EXHAUSTED && Phrases.mentions(message, ErrorClass.RATE_LIMITED)) {
            return ErrorClass.RATE_LIMITED;
        }
        return byGrpc;
    }

    /** Without evidence: what the failing tool implies. */
    private static ErrorClass byTool(String type, String toolKind, String message) {
        String t = type == null ? "" : type;
        String tool = toolKind == null ? "" : toolKind.toLowerCase(Locale.ROOT);
        if (t.equals("ShellError") || (t.isEmpty() && tool.equals("shell"))) {
            return ErrorClass.CODE_ERROR;
        }
        if (t.equals("SqlError") || (t.isEmpty() && SQL_TOOLS.contains(tool))) {
            return ErrorClass.BAD_REQUEST;
        }
        if (t.equals("PythonError") || tool.equals("python")) {
            String head = ExceptionNames.head(message);
            boolean typed = head != null && Character.isUpperCase(head.charAt(0))
                    && (head.endsWith("Error") || head.endsWith("Exception"));
            if (typed && !ExceptionNames.GENERIC.contains(head)) {
                return ErrorClass.CODE_ERROR;
            }
        }
        return ErrorClass.UNKNOWN;
    }

    /** The producer types whose meaning is fixed: they are raised by this platform for one reason only. */
    private static boolean isProducerType(String type) {
        return ExceptionNames.PLATFORM_TYPES.contains(type);
    }

    private static String head(String s) {
        return s == null || s.length() <= MAX_CHARS ? s : s.substring(0, MAX_CHARS);
    }

    private static String tail(String s) {
        return s == null || s.length() <= MAX_CHARS ? s : s.substring(s.length() - MAX_CHARS);
    }
}
