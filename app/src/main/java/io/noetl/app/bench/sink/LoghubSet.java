package io.noetl.app.bench.sink;

import io.noetl.app.bench.Csv;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One Loghub structured CSV: each line's {@code Content} and true {@code EventId}.
 *
 * @param name     set name from the file name ({@code HDFS} for {@code HDFS_2k.log_structured.csv})
 * @param contents log line contents, in file order
 * @param eventIds true template ids, parallel to {@code contents}
 */
record LoghubSet(String name, List<String> contents, List<String> eventIds) {

    static final String SUFFIX = "_structured.csv";
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
        List<List<String>> rows;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            rows = Csv.read(reader);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("empty file " + file);
        }
        int content = rows.getFirst().indexOf("Content");
        int eventId = rows.getFirst().indexOf("EventId");
        if (content < 0 || eventId < 0) {
            throw new IllegalArgumentException("no Content and EventId columns in the header of " + file);
        }
        List<String> contents = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            if (row.size() <= Math.max(content, eventId)) {
                throw new IllegalArgumentException("line " + (contents.size() + 2) + " of " + file + " has "
                        + row.size() + " fields, fewer than the header");
            }
            contents.add(row.get(content));
            ids.add(row.get(eventId));
        }
        Matcher m = NAME.matcher(file.getFileName().toString());
        return new LoghubSet(m.matches() ? m.group(1) : file.getFileName().toString(), contents, ids);
    }
}
