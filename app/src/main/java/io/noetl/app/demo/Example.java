package io.noetl.app.demo;

/**
 * One example playbook.
 *
 * @param file file name, e.g. {@code fanout_loop.yaml}
 * @param path catalog identity ({@code metadata.path}, else {@code metadata.name})
 * @param yaml the YAML text
 */
public record Example(String file, String path, String yaml) {
}
