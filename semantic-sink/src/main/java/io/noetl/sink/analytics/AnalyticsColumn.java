package io.noetl.sink.analytics;

/**
 * One column of an analytics table, as every store lays it out.
 *
 * @param name column name
 * @param type its logical type; each store maps it to its own SQL type
 */
public record AnalyticsColumn(String name, Type type) {

    /** Logical column types; row values are {@code String}, {@code Long}, {@code Integer}, {@code Double}, {@code Boolean} or {@code Instant}. */
    public enum Type {
        /** Text (JSON documents included), may be null. */
        STRING,
        /** 64-bit integer, may be null. */
        LONG,
        /** 32-bit integer, may be null. */
        INT,
        /** Floating point, may be null. */
        DOUBLE,
        /** Boolean, may be null. */
        BOOL,
        /** A point in time with millisecond precision, may be null. */
        TIME
    }

    static AnalyticsColumn string(String name) {
        return new AnalyticsColumn(name, Type.STRING);
    }

    static AnalyticsColumn int64(String name) {
        return new AnalyticsColumn(name, Type.LONG);
    }

    static AnalyticsColumn int32(String name) {
        return new AnalyticsColumn(name, Type.INT);
    }

    static AnalyticsColumn float64(String name) {
        return new AnalyticsColumn(name, Type.DOUBLE);
    }

    static AnalyticsColumn bool(String name) {
        return new AnalyticsColumn(name, Type.BOOL);
    }

    static AnalyticsColumn time(String name) {
        return new AnalyticsColumn(name, Type.TIME);
    }
}
