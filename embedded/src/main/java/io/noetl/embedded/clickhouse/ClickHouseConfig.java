package io.noetl.embedded.clickhouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The configuration of a private server in its folder: {@code config.xml} (loopback only, its own ports, data,
 * temporary files, logs and schemas under the folder) and {@code users.xml} (a passwordless {@code default} user
 * reachable from 127.0.0.1). The format is the one every server from 18.16 on reads.
 *
 * @param dir             the server's folder
 * @param httpPort        HTTP interface
 * @param tcpPort         native protocol
 * @param interserverPort replication between servers (unused, but it must not clash)
 */
record ClickHouseConfig(Path dir, int httpPort, int tcpPort, int interserverPort) {

    private static final String USERS = """
            <?xml version="1.0"?>
            <yandex>
                <profiles>
                    <default>
                        <max_memory_usage>2000000000</max_memory_usage>
                    </default>
                </profiles>
                <users>
                    <default>
                        <password></password>
                        <networks>
                            <ip>127.0.0.1</ip>
                        </networks>
                        <profile>default</profile>
                        <quota>default</quota>
                    </default>
                </users>
                <quotas>
                    <default>
                        <interval>
                            <duration>3600</duration>
                            <queries>0</queries>
                            <errors>0</errors>
                            <result_rows>0</result_rows>
                            <read_rows>0</read_rows>
                            <execution_time>0</execution_time>
                        </interval>
                    </default>
                </quotas>
            </yandex>
            """;

    Path configFile() {
        return dir.resolve("config.xml");
    }

    Path stdoutLog() {
        return dir.resolve("log/stdout.log");
    }

    Path errorLog() {
        return dir.resolve("log/server.err.log");
    }

    /** Creates the folders and writes {@code config.xml} and {@code users.xml}. */
    void write() {
        try {
            for (String sub : List.of("data", "tmp", "user_files", "format_schemas", "log")) {
                Files.createDirectories(dir.resolve(sub));
            }
            Files.writeString(configFile(), config());
            Files.writeString(dir.resolve("users.xml"), USERS);
        } catch (IOException e) {
            throw new UncheckedIOException("write the ClickHouse configuration into " + dir, e);
        }
    }

    private String config() {
        return """
                <?xml version="1.0"?>
                <yandex>
                    <logger>
                        <level>warning</level>
                        <log>%1$s/log/server.log</log>
                        <errorlog>%1$s/log/server.err.log</errorlog>
                        <size>10M</size>
                        <count>2</count>
                    </logger>
                    <http_port>%2$d</http_port>
                    <tcp_port>%3$d</tcp_port>
                    <interserver_http_port>%4$d</interserver_http_port>
                    <interserver_http_host>127.0.0.1</interserver_http_host>
                    <listen_host>127.0.0.1</listen_host>
                    <max_connections>256</max_connections>
                    <keep_alive_timeout>3</keep_alive_timeout>
                    <max_concurrent_queries>64</max_concurrent_queries>
                    <uncompressed_cache_size>67108864</uncompressed_cache_size>
                    <mark_cache_size>67108864</mark_cache_size>
                    <path>%1$s/data/</path>
                    <tmp_path>%1$s/tmp/</tmp_path>
                    <user_files_path>%1$s/user_files/</user_files_path>
                    <format_schema_path>%1$s/format_schemas/</format_schema_path>
                    <users_config>%1$s/users.xml</users_config>
                    <default_profile>default</default_profile>
                    <default_database>default</default_database>
                    <mlock_executable>false</mlock_executable>
                </yandex>
                """.formatted(dir, httpPort, tcpPort, interserverPort);
    }
}
