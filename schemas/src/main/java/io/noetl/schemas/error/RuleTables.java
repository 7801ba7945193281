package io.noetl.schemas.error;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the classifier's tab-separated rule tables from the classpath: one rule a line, {@code #} comments. */
final class RuleTables {

    private RuleTables() {
    }

    /**
     * The rows of a table next to this class.
     *
     * @param name    file name, e.g. {@code phrases.tsv}
     * @param columns the number of columns every row must have
     * @throws IllegalStateException naming the file and line of a malformed row
     */
    static List<String[]> rows(String name, int columns) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = RuleTables.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("classifier table " + name + " is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] row = line.split("\t", -1);
                if (row.length != columns) {
                    throw new IllegalStateException(name + " line " + number + ": expected " + columns
                            + " tab-separated columns, got " + row.length);
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("read classifier table " + name, e);
        }
        return rows;
    }

    /** The class a table names by its wire name. */
    static ErrorClass errorClass(String wire, String table) {
        ErrorClass c = ErrorClass.fromWire(wire);
        if (c == ErrorClass.UNKNOWN && !"unknown".equals(wire)) {
            throw new IllegalStateException(table + ": unknown error class '" + wire + "'");
        }
        return c;
    }
}
