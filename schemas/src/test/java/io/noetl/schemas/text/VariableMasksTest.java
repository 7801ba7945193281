package io.noetl.schemas.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class VariableMasksTest {

    /** Per shape: a text and the one variable the shape finds in it ({@code null}: none). */
    private static final Map<VariableShape, List<Example>> EXAMPLES = Map.ofEntries(
            Map.entry(VariableShape.URL, List.of(
                    ex("GET https://api.example.com/v1/items?id=7 returned 503",
                            "https://api.example.com/v1/items?id=7"),
                    ex("see <http://h/x> now", "http://h/x"),
                    ex("a_http://x.y/z", null))),
            Map.entry(VariableShape.URL_LOOSE, List.of(
                    ex("see <http://h/x> now", "http://h/x>"),
                    ex("a_http://x.y/z", "http://x.y/z"))),
            Map.entry(VariableShape.EMAIL, List.of(
                    ex("mail bob.s+x@mail.example.org now", "bob.s+x@mail.example.org"), ex("a@b", null))),
            Map.entry(VariableShape.MAC, List.of(ex("mac 00:1a:2b:3c:4d:5e up", "00:1a:2b:3c:4d:5e"),
                    ex("00:1a:2b", null))),
            Map.entry(VariableShape.UUID, List.of(
                    ex("req 123e4567-e89b-12d3-a456-426614174000.", "123e4567-e89b-12d3-a456-426614174000"))),
            Map.entry(VariableShape.ULID, List.of(
                    ex("exec 01ARZ3NDEKTSV4RRFFQ69G5FAV done", "01ARZ3NDEKTSV4RRFFQ69G5FAV"),
                    ex("01arz3ndektsv4rrffq69g5fav", null))),
            Map.entry(VariableShape.DATE_TIME, List.of(ex("at 2024-01-01 10:20 ok", "2024-01-01 10:20"),
                    ex("at 2026-01-02T03:04:05.5+01:00", "2026-01-02T03:04:05.5+01:00"))),
            Map.entry(VariableShape.DATE_TIME_SECONDS, List.of(ex("at 2024-01-01 10:20 ok", "2024-01-01"),
                    ex("at 2026-01-02T03:04:05Z", "2026-01-02T03:04:05Z"))),
            Map.entry(VariableShape.SYSLOG_TIME,
                    List.of(ex("Mon Jun 9 06:06:20 2005 kernel", "Mon Jun 9 06:06:20 2005"))),
            Map.entry(VariableShape.CLOCK, List.of(ex("at 06:06:20.5 ok", "06:06:20.5"))),
            Map.entry(VariableShape.IP, List.of(ex("connect to 10.0.0.12:5432 failed", "10.0.0.12:5432"))),
            Map.entry(VariableShape.HOST_PORT, List.of(
                    ex("proxy.cse.cuhk.edu.hk:5070 open", "proxy.cse.cuhk.edu.hk:5070"), ex("localhost:80", null))),
            Map.entry(VariableShape.PATH, List.of(ex("file /a/b%20c/d.csv gone", "/a/b%20c/d.csv"),
                    ex("in C:\\Users\\bob\\x.txt, then", "C:\\Users\\bob\\x.txt"),
                    ex("</b>", null))),
            Map.entry(VariableShape.PATH_PLAIN, List.of(ex("file /a/b%20c/d.csv gone", "/a/b"),
                    ex("</b>", "/b"))),
            Map.entry(VariableShape.SHORT_QUOTED, List.of(ex("key 'abc' missing", "'abc'"),
                    ex("'two words'", null))),
            Map.entry(VariableShape.QUOTED, List.of(ex("said 'two words' here", "'two words'"),
                    ex("' lead'", null))),
            Map.entry(VariableShape.HEX, List.of(ex("pointer 0x7ffd1c2a from", "0x7ffd1c2a"))),
            Map.entry(VariableShape.HEX_ID, List.of(ex("row 3f2a9c1d0b7e4f11 of", "3f2a9c1d0b7e4f11"),
                    ex("deadbeef", null), ex("12345678", null))),
            Map.entry(VariableShape.PARENTHESIZED_SIZE, List.of(ex("6409 bytes (6.25 KB) sent", "(6.25 KB)"))),
            Map.entry(VariableShape.NUMBER_WITH_UNIT, List.of(ex("took <5 ms", "<5 ms"),
                    ex("after 30 secs", "30 secs"))),
            Map.entry(VariableShape.NUMBER_WITH_SUFFIX, List.of(ex("after 30s and 4G", "30s"))));

    private record Example(String text, String found) {
    }

    private static Example ex(String text, String found) {
        return new Example(text, found);
    }

    @Test
    @DisplayName("every shape finds its variable in its examples and nothing in its counter-examples")
    void everyShapeMatchesItsExamples() {
        assertThat(EXAMPLES.keySet()).containsExactlyInAnyOrder(VariableShape.values());
        EXAMPLES.forEach((shape, examples) -> {
            for (Example example : examples) {
                Matcher m = shape.pattern().matcher(example.text());
                assertThat(m.find() ? m.group() : null).as("%s in %s", shape, example.text())
                        .isEqualTo(example.found());
            }
        });
    }

    @Test
    @DisplayName("a shape's cheap test never skips a text the shape would match")
    void cheapTestNeverSkipsAMatch() {
        List<String> texts = new ArrayList<>();
        EXAMPLES.values().forEach(examples -> examples.forEach(e -> texts.add(e.text())));
        for (VariableShape shape : VariableShape.values()) {
            for (String text : texts) {
                if (shape.pattern().matcher(text).find()) {
                    assertThat(shape.mayMatch(text)).as("%s on %s", shape, text).isTrue();
                }
            }
        }
        assertThat(VariableShape.URL.mayMatch("no scheme here")).isFalse();
        assertThat(VariableShape.CLOCK.mayMatch("key: value")).isFalse();
    }

    @Test
    @DisplayName("spans: the first shape to claim characters keeps them; a later overlapping match is skipped")
    void spansFirstShapeWins() {
        String text = "GET http://10.0.0.1:80/x at 10.0.0.2";
        boolean[] masked = VariableMasks.of(VariableShape.URL, VariableShape.IP).mask(text);
        assertThat(spans(text, masked)).containsExactly("http://10.0.0.1:80/x", "10.0.0.2");
        boolean[] ipFirst = VariableMasks.of(VariableShape.IP, VariableShape.URL).mask(text);
        assertThat(spans(text, ipFirst)).containsExactly("10.0.0.1:80", "10.0.0.2");
    }

    @Test
    @DisplayName("replace: each shape sees what the shapes before it left, so order decides")
    void replaceInOrder() {
        String mac = "link 00:11:22:33:44:55 down";
        assertThat(VariableMasks.of(VariableShape.MAC, VariableShape.CLOCK).replace(mac, "<*>"))
                .isEqualTo("link <*> down");
        assertThat(VariableMasks.of(VariableShape.CLOCK, VariableShape.MAC).replace(mac, "<*>"))
                .isEqualTo("link <*>:<*> down");
        assertThat(VariableMasks.of(VariableShape.HEX).replace("at 0x1f", "$1\\")).isEqualTo("at $1\\");
        assertThat(VariableMasks.of(VariableShape.IP).shapes()).containsExactly(VariableShape.IP);
    }

    private static List<String> spans(String text, boolean[] masked) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean in = i < text.length() && masked[i];
            if (in && start < 0) {
                start = i;
            } else if (!in && start >= 0) {
                out.add(text.substring(start, i));
                start = -1;
            }
        }
        return out;
    }
}
