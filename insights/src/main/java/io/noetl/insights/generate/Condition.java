package io.noetl.insights.generate;

/**
 * A branch a description states on a threshold ("if quality < 0.9 ask for review, otherwise load").
 *
 * @param metric    the value compared, as a field name ({@code quality_score})
 * @param operator  a Jinja comparison operator ({@code <}, {@code >=}, ...)
 * @param value     the threshold, as a number literal
 * @param then      what to do when the comparison holds
 * @param otherwise what to do when it does not, or null (then the workflow goes on)
 */
record Condition(String metric, String operator, String value, Action then, Action otherwise) {
}
