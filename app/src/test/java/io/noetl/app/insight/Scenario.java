package io.noetl.app.insight;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

/**
 * One failure scenario: a playbook that fails (or recovers, or waits) for a real reason, and what a diagnosis of its
 * execution must say.
 *
 * @param name          unique name; also the playbook's path suffix and its fake API route
 * @param tool          the tool family it exercises ({@code http}, {@code postgres}, {@code python}, ...)
 * @param expectedClass the root-cause class (wire name) the diagnosis must give
 * @param expectedStep  the failing step the diagnosis must name
 * @param yaml          the playbook
 * @param replies       what the fake API answers on {@code /r/<name>} (empty when unused)
 * @param driver        what a person does while it runs (a decision, a cancel), or {@link Driver#NONE}
 * @param needs         what must be available to run it
 */
record Scenario(String name, String tool, String expectedClass, String expectedStep, String yaml,
        List<FakeApi.Reply> replies, Driver driver, Needs needs) {

    /** What a scenario needs besides the server, the worker and the fake API. */
    enum Needs {
        NOTHING, POSTGRES, POSTGRES_PASSWORDS
    }

    /** What happens to an execution from outside while it runs. */
    @FunctionalInterface
    interface Driver {
        Driver NONE = (run, id) -> {
        };

        void drive(ScenarioRunner run, String executionId) throws Exception;
    }

    Scenario {
        replies = List.copyOf(replies);
    }

    static Scenario of(String name, String tool, String expectedClass, String expectedStep, String yaml) {
        return new Scenario(name, tool, expectedClass, expectedStep, yaml, List.of(), Driver.NONE, Needs.NOTHING);
    }

    Scenario withReplies(FakeApi.Reply... answers) {
        return new Scenario(name, tool, expectedClass, expectedStep, yaml, List.of(answers), driver, needs);
    }

    Scenario drivenBy(Driver d) {
        return new Scenario(name, tool, expectedClass, expectedStep, yaml, replies, d, needs);
    }

    Scenario needing(Needs n) {
        return new Scenario(name, tool, expectedClass, expectedStep, yaml, replies, driver, n);
    }

    /**
     * The half the scenario belongs to, fixed by its name: 0 is the half rules were tuned on, 1 the held-out half.
     */
    int half() {
        CRC32 crc = new CRC32();
        crc.update(name.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() & 1);
    }
}
