package io.noetl.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostgresProbeTest {

    @Test
    void turnsALibpqUrlIntoJdbc() {
        assertThat(PostgresProbe.jdbcUrl("postgresql://postgres@127.0.0.1:5432/postgres"))
                .contains("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
        assertThat(PostgresProbe.jdbcUrl("postgres://u:secret@db/app?sslmode=disable"))
                .contains("jdbc:postgresql://db:5432/app?user=u&password=secret&sslmode=disable");
    }

    @Test
    void keepsAJdbcUrlAndRejectsOtherSchemes() {
        assertThat(PostgresProbe.jdbcUrl("jdbc:postgresql://h/db")).contains("jdbc:postgresql://h/db");
        assertThat(PostgresProbe.jdbcUrl("mysql://h/db")).isEmpty();
        assertThat(PostgresProbe.jdbcUrl("")).isEmpty();
    }

    @Test
    void aClosedPortIsNotReachable() {
        assertThat(PostgresProbe.reachable("postgresql://postgres@127.0.0.1:1/postgres")).isFalse();
    }
}
