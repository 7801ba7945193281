package io.noetl.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CatalogKeysTest {

    @Test
    void pathsWithSlashesAndUnicodeBecomeValidKvKeysAndComeBack() {
        String path = "data/ingestion/daily load/é";
        String key = CatalogKeys.latest(path);

        assertThat(key).matches("[-/_=.a-zA-Z0-9]+");
        assertThat(CatalogKeys.version(path, 12)).matches("[-/_=.a-zA-Z0-9]+").endsWith(".v12");
        assertThat(CatalogKeys.pathOfLatestKey(key)).isEqualTo(path);
    }

    @Test
    void versionKeysAreNotMistakenForLatestKeys() {
        assertThat(CatalogKeys.pathOfLatestKey(CatalogKeys.version("a/b", 3))).isNull();
    }
}
