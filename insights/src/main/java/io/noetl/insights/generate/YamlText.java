package io.noetl.insights.generate;

import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/** A playbook mapping written as block YAML; multi-line strings (code) as literal blocks. */
final class YamlText {

    private YamlText() {
    }

    static String dump(Map<String, Object> document, String headerComment) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setWidth(120);
        options.setSplitLines(false);
        return "# " + headerComment + "\n" + new Yaml(new LiteralBlocks(options), options).dump(document);
    }

    /** Strings with line breaks (python code) as {@code |} blocks, everything else as usual. */
    private static final class LiteralBlocks extends Representer {
        LiteralBlocks(DumperOptions options) {
            super(options);
            this.representers.put(String.class, data -> {
                String s = (String) data;
                return s.contains("\n") ? representScalar(Tag.STR, s, DumperOptions.ScalarStyle.LITERAL)
                        : representScalar(Tag.STR, s);
            });
        }
    }
}
