package io.noetl.app.demo;

import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

/** Whether PostgreSQL answers at a libpq-style URL ({@code postgresql://user[:password]@host[:port]/db}). */
public final class PostgresProbe {

    public static final String DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

    private PostgresProbe() {
    }

    public static boolean reachable(String url) {
        Optional<String> jdbc = jdbcUrl(url);
        if (jdbc.isEmpty()) {
            return false;
        }
        DriverManager.setLoginTimeout(3);
        try (Connection ignored = DriverManager.getConnection(jdbc.get())) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    /** The JDBC URL for a libpq-style (or already JDBC) URL; empty when it is neither. */
    public static Optional<String> jdbcUrl(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return Optional.of(url);
        }
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme()) || uri.getHost() == null) {
            return Optional.empty();
        }
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost())
                .append(':').append(uri.getPort() > 0 ? uri.getPort() : 5432)
                .append(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/postgres" : uri.getRawPath());
        String userInfo = uri.getUserInfo();
        char sep = '?';
        if (userInfo != null) {
            String[] parts = userInfo.split(":", 2);
            jdbc.append(sep).append("user=").append(parts[0]);
            sep = '&';
            if (parts.length == 2) {
                jdbc.append("&password=").append(parts[1]);
            }
        }
        if (uri.getRawQuery() != null) {
            jdbc.append(sep).append(uri.getRawQuery());
        }
        return Optional.of(jdbc.toString());
    }
}
