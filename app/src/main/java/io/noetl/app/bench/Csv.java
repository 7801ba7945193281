package io.noetl.app.bench;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/** RFC 4180 CSV for the benchmark harnesses: quoted fields may hold commas, doubled quotes and line breaks; CRLF or LF. */
public final class Csv {

    private Csv() {
    }

    /** The records of {@code reader} (header included), each a list of fields. */
    public static List<List<String>> read(Reader reader) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean pendingQuote = false;
        boolean any = false;
        int c;
        while ((c = reader.read()) != -1) {
            if (pendingQuote) {
                pendingQuote = false;
                if (c == '"') {
                    field.append('"');
                    continue;
                }
                quoted = false;
            }
            if (quoted) {
                if (c == '"') {
                    pendingQuote = true;
                } else {
                    field.append((char) c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n') {
                endRow(rows, row, field, any);
                row = new ArrayList<>();
                any = false;
            } else if (c != '\r') {
                field.append((char) c);
                any = true;
            }
        }
        endRow(rows, row, field, any);
        return rows;
    }

    private static void endRow(List<List<String>> rows, List<String> row, StringBuilder field, boolean any) {
        if (any || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        field.setLength(0);
    }

    /** {@code value} as one CSV field, quoted only when it holds a comma, a quote or a line break. */
    public static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
