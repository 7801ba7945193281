package io.noetl.sink.analytics.clickhouse;

import java.net.URI;
import java.time.Duration;

/**
 * Where the ClickHouse analytics store lives and how long to wait for it.
 *
 * @param url            HTTP endpoint, e.g. {@code http://127.0.0.1:8123}
 * @param user           user name
 * @param password       password, may be empty
 * @param database       database holding the tables; created when missing
 * @param connectTimeout how long to wait for a connection
 * @param socketTimeout  how long to wait for an answer
 */
public record ClickHouseSettings(String url, String user, String password, String database, Duration connectTimeout,
        Duration socketTimeout) {

    public static final String DEFAULT_USER = "default";
    public static final String DEFAULT_DATABASE = "noetl";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(2);
    public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(10);

    public ClickHouseSettings {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("ClickHouse URL is missing (e.g. http://127.0.0.1:8123)");
        }
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ClickHouse URL is not a URL: " + url, e);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("ClickHouse URL must be http(s)://host:port, got " + url);
        }
        user = user == null || user.isBlank() ? DEFAULT_USER : user;
        password = password == null ? "" : password;
        database = database == null || database.isBlank() ? DEFAULT_DATABASE : database;
        if (!database.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("ClickHouse database name must be letters, digits and _, got "
                    + database);
        }
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        socketTimeout = socketTimeout == null ? DEFAULT_SOCKET_TIMEOUT : socketTimeout;
    }

    /** Settings with the default timeouts. */
    public static ClickHouseSettings of(String url, String user, String password, String database) {
        return new ClickHouseSettings(url, user, password, database, null, null);
    }

    /** @return the same settings for another database */
    public ClickHouseSettings withDatabase(String otherDatabase) {
        return new ClickHouseSettings(url, user, password, otherDatabase, connectTimeout, socketTimeout);
    }

    @Override
    public String toString() {
        return "ClickHouseSettings[url=" + url + ", user=" + user + ", database=" + database + "]";
    }
}
