package io.noetl.embedded.clickhouse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Where the {@code clickhouse-server} binary is: {@value #ENV} when set, else {@link #DEFAULT}. */
public final class ClickHouseBinary {

    /** Where Debian's {@code clickhouse-server} package puts the server. */
    public static final Path DEFAULT = Path.of("/usr/sbin/clickhouse-server");
    /** Names another server binary. */
    public static final String ENV = "CLICKHOUSE_SERVER_BIN";

    private ClickHouseBinary() {
    }

    /**
     * The binary {@code env} names ({@value #ENV}), else {@link #DEFAULT}.
     *
     * @throws IllegalStateException when it is not an executable, naming the package to install and {@value #ENV}
     */
    public static Path resolve(Map<String, String> env) {
        String named = env.get(ENV);
        return requireExecutable(named == null || named.isBlank() ? DEFAULT : Path.of(named));
    }

    /**
     * @return {@code binary} when it is executable
     * @throws IllegalStateException otherwise, naming the package to install and {@value #ENV}
     */
    public static Path requireExecutable(Path binary) {
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("ClickHouse server not found at " + binary
                    + ": install it with 'apt-get install -y clickhouse-server' or set " + ENV);
        }
        return binary;
    }
}
