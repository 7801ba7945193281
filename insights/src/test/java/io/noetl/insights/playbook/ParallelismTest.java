package io.noetl.insights.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import io.noetl.schemas.playbook.PlaybookParser;
import org.junit.jupiter.api.Test;

class ParallelismTest {

    private static final String CHAIN = """
            apiVersion: noetl.io/v2
            kind: Playbook
            metadata:
              name: chain
              path: t/chain
            workflow:
              - step: start
                next:
                  - step: fetch_users
              - step: fetch_users
                tool: {kind: http, url: "https://api.example.com/users"}
                next:
                  - step: fetch_orders
              - step: fetch_orders
                tool: {kind: http, url: "https://api.example.com/orders"}
                next:
                  - step: join
              - step: join
                tool:
                  kind: python
                  code: "result = {'n': len({{ fetch_users.body }}) + len({{ fetch_orders.body }})}"
                next:
                  - step: end
              - step: end
            """;

    @Test
    void independentNeighboursCanRunSideBySide() {
        assertThat(Parallelism.pairs(PlaybookParser.parse(CHAIN)))
                .contains(new Parallelism.Pair("start", "fetch_users", "fetch_orders", "join"));
    }

    @Test
    void aStepThatReadsItsPredecessorIsNotAPair() {
        String dependent = CHAIN.replace("https://api.example.com/orders",
                "https://api.example.com/orders?ids={{ fetch_users.body }}");
        assertThat(Parallelism.pairs(PlaybookParser.parse(dependent)))
                .noneMatch(p -> p.first().equals("fetch_users") && p.second().equals("fetch_orders"));
        assertThat(Parallelism.pairs(PlaybookParser.parse(CHAIN)))
                .as("join reads both: never paired with its predecessor")
                .noneMatch(p -> p.second().equals("join"));
    }
}
