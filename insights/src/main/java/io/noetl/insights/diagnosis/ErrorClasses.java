package io.noetl.insights.diagnosis;

import io.noetl.schemas.error.ErrorClass;
import io.noetl.schemas.error.ErrorClassifier;
import io.noetl.schemas.error.ErrorEvidence;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.event.Event;
import java.util.regex.Pattern;

/**
 * The class of one error: the producer's own ({@code error.class}, set by the worker) unless it is missing or
 * {@code unknown}, then the one classifier of the contracts over everything the event tells (type, message, HTTP
 * status, tool kind, stack and logs).
 */
public final class ErrorClasses {

    private static final Pattern CODE = Pattern.compile("(?i)\\bHTTP[ /]?\\d?\\.?\\d?\\s*[1-5]\\d\\d\\b|SQLSTATE|\\b"
            + "(?:status(?:[ _]code)?\\s*[=:]?\\s*)[1-5]\\d\\d\\b");

    private final ErrorClassifier classifier;

    public ErrorClasses(ErrorClassifier classifier) {
        this.classifier = classifier;
    }

    /**
     * A class and how it was decided.
     *
     * @param errorClass   the class, never null
     * @param explicitCode an HTTP status or SQLSTATE was part of the evidence
     */
    public record Verdict(ErrorClass errorClass, boolean explicitCode) {
    }

    /** @return the class of {@code error}, raised by a step of {@code toolKind}, carried by {@code event} (may be null) */
    public Verdict of(ErrorInfo error, String toolKind, Event event) {
        if (error == null) {
            return new Verdict(ErrorClass.UNKNOWN, false);
        }
        Integer status = httpStatus(event);
        boolean explicit = status != null || (error.message() != null && CODE.matcher(error.message()).find());
        ErrorClass own = ErrorClass.fromWire(error.errorClass());
        if (own != ErrorClass.UNKNOWN) {
            return new Verdict(own, explicit);
        }
        String detail = join(error.stack(), event == null ? null : event.logs());
        ErrorClass c = classifier.classify(new ErrorEvidence(error.type(), error.message(), status, toolKind, detail));
        return new Verdict(c, explicit);
    }

    static Integer httpStatus(Event event) {
        if (event == null) {
            return null;
        }
        Object meta = event.meta() == null ? null : event.meta().get("http_status");
        if (meta instanceof Number n) {
            return n.intValue();
        }
        if (meta instanceof String s && s.matches("\\d{3}")) {
            return Integer.parseInt(s);
        }
        if (event.result() != null && event.result().path("status").isIntegralNumber()
                && "http".equals(event.toolKind())) {
            return event.result().path("status").asInt();
        }
        return null;
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b;
        }
        return b == null || b.isBlank() ? a : a + "\n" + b;
    }
}
