package io.noetl.app.insight;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every scenario, across tools; names are unique. */
final class ScenarioSet {

    private ScenarioSet() {
    }

    static List<Scenario> all() {
        List<Scenario> all = new ArrayList<>();
        all.addAll(HttpScenarios.all());
        all.addAll(PostgresScenarios.all());
        all.addAll(PythonClientScenarios.all());
        all.addAll(PythonDbScenarios.all());
        all.addAll(PythonScenarios.all());
        all.addAll(ShellScenarios.all());
        all.addAll(DuckDbScenarios.all());
        all.addAll(FlowScenarios.all());
        Set<String> names = new HashSet<>();
        for (Scenario s : all) {
            if (!names.add(s.name())) {
                throw new IllegalStateException("two scenarios named " + s.name());
            }
        }
        return all;
    }
}
