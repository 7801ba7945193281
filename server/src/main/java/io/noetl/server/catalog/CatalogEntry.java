package io.noetl.server.catalog;

import io.noetl.schemas.playbook.Playbook;

/**
 * One registered version of a playbook.
 *
 * @param path     catalog identity ({@code metadata.path})
 * @param version  1, 2, … per path
 * @param playbook the parsed playbook (its {@code source} is the YAML as registered)
 */
public record CatalogEntry(String path, int version, Playbook playbook) {
}
