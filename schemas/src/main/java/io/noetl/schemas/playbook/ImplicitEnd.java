package io.noetl.schemas.playbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * NoETL's implicit route to {@code end}: a step written without {@code next} leads to the step named {@code end}
 * when the workflow has one (NoETL's fixture {@code test_implicit_end_routing}: "step1 has NO next: field, so it
 * should automatically route to 'end'"). A step with {@code next} written, even empty, ends its branch as written.
 */
final class ImplicitEnd {

    static final String END = "end";

    private ImplicitEnd() {
    }

    static List<StepParser.Parsed> apply(List<StepParser.Parsed> steps) {
        if (steps.stream().noneMatch(s -> END.equals(s.step().name()))) {
            return steps;
        }
        List<StepParser.Parsed> out = new ArrayList<>(steps.size());
        for (StepParser.Parsed s : steps) {
            Step step = s.step();
            if (s.hasNext() || END.equals(step.name())) {
                out.add(s);
                continue;
            }
            Arc arc = new Arc(END, null, Map.of(), step.line());
            Step routed = new Step(step.name(), step.desc(), step.args(), step.tasks(),
                    new Next(Next.Mode.EXCLUSIVE, List.of(arc)), step.spec(), step.loop(), step.line(), step.set());
            out.add(new StepParser.Parsed(routed, s.path(), List.of(new NextParser.Located(arc, s.path())), false));
        }
        return out;
    }
}
