package io.noetl.topology.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TokenizerTest {

    @ParameterizedTest(name = "{0} is masked as one variable")
    @CsvSource(delimiter = '|', value = {
        "number       | 12345",
        "hex          | 0x7fa3c2",
        "uuid         | 123e4567-e89b-12d3-a456-426614174000",
        "ulid         | 01ARZ3NDEKTSV4RRFFQ69G5FAV",
        "ip with port | 10.250.19.102:50010",
        "host port    | proxy.cse.cuhk.edu.hk:5070",
        "path         | /user/root/rand/part-00007",
        "url          | https://api.example.com/v1/items?id=7",
        "quoted       | '''safety'''",
        "duration     | 250ms",
        "size         | 6.25 KB",
        "email        | ops@example.com",
        "iso time     | 2024-05-01T10:00:00.123Z",
        "syslog time  | Sat Jun 25 19:25:30 2005",
        "clock time   | 19:25:30",
        "windows path | C:\\Program\\app.exe",
    })
    void eachVariableKindIsMaskedAsOneToken(String kind, String value) {
        List<Token> tokens = Tokenizer.tokenize("got " + value + " now");

        assertThat(tokens).extracting(Token::masked).as(kind).containsExactly("got", "<*>", "now");
        assertThat(tokens.get(1).text()).isEqualTo(value);
    }

    @Test
    void punctuationBecomesTokensOfItsOwn() {
        assertThat(Tokenizer.tokenize("a=b, c:(d) [e]")).extracting(Token::text)
                .containsExactly("a", "=", "b", ",", "c", ":", "(", "d", ")", "[", "e", "]");
    }

    @Test
    void adjacentVariablesFoldIntoOneParameter() {
        assertThat(Tokenizer.tokenize("sent 6409 bytes (6.25 KB) ok")).extracting(Token::masked)
                .containsExactly("sent", "<*>", "ok");
    }

    @Test
    void emptyBracketsHoldAnEmptyVariable() {
        assertThat(Tokenizer.tokenize("from () at")).extracting(Token::masked)
                .containsExactly("from", "(", "<*>", ")", "at");
    }

    @Test
    void namesEndingInOneDigitStayConstant() {
        assertThat(Tokenizer.tokenize("link up on eth0 via ssh2 port 22")).extracting(Token::masked)
                .containsExactly("link", "up", "on", "eth0", "via", "ssh2", "port", "<*>");
    }

    @Test
    void dotLeadersAreDelimiters() {
        assertThat(Tokenizer.tokenize("icache prefetch depth......4")).extracting(Token::masked)
                .containsExactly("icache", "prefetch", "depth", "......", "<*>");
    }

    @Test
    void macLikeHexGroupsAreOneVariable() {
        assertThat(Tokenizer.tokenize("chip FF:F2:9F:16:DC:81:00:0D ip")).extracting(Token::masked)
                .containsExactly("chip", "<*>", "ip");
    }

    @Test
    void wordsWithoutDigitsStayConstant() {
        assertThat(Tokenizer.tokenize("Closing socket connection")).noneMatch(Token::variable);
    }
}
