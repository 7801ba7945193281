package io.noetl.schemas.template;

/** A template failed to render; the message names the template and the reason. */
public class TemplateException extends RuntimeException {

    private final String template;

    public TemplateException(String template, String reason, Throwable cause) {
        super("template " + abbreviate(template) + " failed: " + reason, cause);
        this.template = template;
    }

    public String template() {
        return template;
    }

    private static String abbreviate(String s) {
        String oneLine = s.replace('\n', ' ');
        return "'" + (oneLine.length() > 120 ? oneLine.substring(0, 117) + "..." : oneLine) + "'";
    }
}
