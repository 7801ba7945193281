package io.noetl.app.bench.sink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One Loghub structured CSV: each line's {@code Content} and true {@code EventId}.
 *
 * @param name     set name from the file name ({@code HDFS} for {@code HDFS_2k.log_structured.csv})
 * @param contents log line contents, in file order
 * @param eventIds true template ids, parallel to {@code contents}
 */
record LoghubSet(String name, List<String> contents, List<String> eventIds) {

    static final String SUFFIX = "_structured.csv";
    /** RFC 4180 with a header line; quoted fields may hold commas, doubled quotes and line breaks. */
    private static final CSVFormat STRUCTURED = CSVFormat.DEFAULT.builder()
            .setHeader().setSkipHeaderRecord(true).setAllowMissingColumnNames(true).get();
    private static final Pattern NAME = Pattern.compile("(.+?)(?:_2k)?(?:\\.log)?" + Pattern.quote(SUFFIX));

    /**
     * @return every {@code *_structured.csv} in {@code dir}, sorted by name
     * @throws IllegalArgumentException when a file lacks the {@code Content} or {@code EventId} column
     */
    static List<LoghubSet> readAll(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        }
        List<LoghubSet> sets = new ArrayList<>();
        for (Path file : files) {
            sets.add(read(file));
        }
        return sets;
    }

    static LoghubSet read(Path file) throws IOException {
        List<String> contents = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        try (CSVParser csv = CSVParser.parse(file, StandardCharsets.UTF_8, STRUCTURED)) {
            List<String> header = csv.getHeaderNames();
            if (header.isEmpty()) {
                throw new IllegalArgumentException("empty file " + file);
            }
            if (!header.contains("Content") || !header.contains("EventId")) {
                throw new IllegalArgumentException("no Content and EventId columns in the header of " + file);
            }
            for (CSVRecord row : csv) {
                if (!row.isSet("Content") || !row.isSet("EventId")) {
                    throw new IllegalArgumentException("line " + (contents.size() + 2) + " of " + file + " has "
                            + row.size() + " fields, fewer than the header");
                }
                contents.add(row.get("Content"));
                ids.add(row.get("EventId"));
            }
        }
        Matcher m = NAME.matcher(file.getFileName().toString());
        return new LoghubSet(m.matches() ? m.group(1) : file.getFileName().toString(), contents, ids);
    }
}
