package io.noetl.schemas.error;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The labelled corpus {@code error/corpus.tsv} (class, type, message; {@code -} for none; {@code \n} and {@code \t}
 * escaped), split deterministically in two halves: within each class, rows ordered by the CRC-32 of their text go
 * alternately to the tuning half and to the held-out half.
 */
final class ErrorCorpus {

    /** One labelled error. */
    record Row(ErrorClass expected, String type, String message) {
    }

    private ErrorCorpus() {
    }

    static List<Row> all() {
        return read("/error/corpus.tsv");
    }

    /** Every row of a labelled file on the test classpath. */
    static List<Row> read(String resource) {
        List<Row> rows = new ArrayList<>();
        for (String line : text(resource).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t", -1);
            if (cols.length != 3) {
                throw new IllegalStateException("corpus line needs 3 columns: " + line);
            }
            ErrorClass c = ErrorClass.fromWire(cols[0]);
            if (c == ErrorClass.UNKNOWN && !cols[0].equals("unknown")) {
                throw new IllegalStateException("unknown class in corpus: " + cols[0]);
            }
            rows.add(new Row(c, field(cols[1]), field(cols[2])));
        }
        return rows;
    }

    /** Half 0 (tuning) or 1 (held out). */
    static List<Row> half(int which) {
        Map<ErrorClass, List<Row>> byClass = new EnumMap<>(ErrorClass.class);
        for (Row r : all()) {
            byClass.computeIfAbsent(r.expected(), k -> new ArrayList<>()).add(r);
        }
        List<Row> half = new ArrayList<>();
        for (List<Row> rows : byClass.values()) {
            rows.sort(Comparator.comparingLong(ErrorCorpus::crc).thenComparing(r -> String.valueOf(r.message())));
            for (int i = which; i < rows.size(); i += 2) {
                half.add(rows.get(i));
            }
        }
        return half;
    }

    private static long crc(Row r) {
        CRC32 crc = new CRC32();
        crc.update((r.type() + "\t" + r.message()).getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    private static String field(String raw) {
        if (raw.equals("-")) {
            return null;
        }
        return raw.replace("\\n", "\n").replace("\\t", "\t");
    }

    private static String text(String resource) {
        try (InputStream in = ErrorCorpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
