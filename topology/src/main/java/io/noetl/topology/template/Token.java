package io.noetl.topology.template;

/**
 * One token of a message.
 *
 * @param text        the raw text of the token
 * @param variable    true when the token looks like a variable (contains a digit or a masked value)
 * @param delimiter   true for the kept punctuation tokens ({@code = : , ( ) [ ] { } ;})
 * @param spaceBefore true when whitespace preceded the token in the message
 */
record Token(String text, boolean variable, boolean delimiter, boolean spaceBefore) {

    /** The wildcard shown in templates. */
    static final String WILDCARD = "<*>";

    /** The token as it appears in a template: the wildcard for a variable, else the text. */
    String masked() {
        return variable ? WILDCARD : text;
    }
}
