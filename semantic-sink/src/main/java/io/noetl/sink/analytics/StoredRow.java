package io.noetl.sink.analytics;

import java.time.Instant;
import java.util.List;

/**
 * One row of a query over the analytics tables, read by column name, whatever the store. A time {@code c} is read as
 * epoch milliseconds from the column {@code c_ms}, which every store's queries name that way.
 */
public interface StoredRow {

    /** @return the text in a column, or null */
    String text(String column);

    /** @return the integer in a column, or null */
    Long number(String column);

    /** @return the floating point number in a column, or null */
    Double decimal(String column);

    /** @return the strings of an array column, empty when null */
    List<String> texts(String column);

    /** @return the integers of an array column, empty when null */
    List<Long> numbers(String column);

    /** @return the time whose epoch milliseconds are in {@code column + "_ms"}, or null */
    default Instant time(String column) {
        Long millis = number(column + "_ms");
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    /** @return the integer in a column as an {@code Integer}, or null */
    default Integer integer(String column) {
        Long value = number(column);
        return value == null ? null : Math.toIntExact(value);
    }
}
