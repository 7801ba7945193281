package io.noetl.worker.tool.postgres;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * Where to connect: a JDBC URL, a {@code postgresql://user:pass@host:port/db} URI, or a map
 * {@code {host, port, user, password, database}} (NoETL's credential fields {@code db_host}, {@code db_port},
 * {@code db_user}, {@code db_password}, {@code db_name} and their {@code pg_*} forms too, or a connection string under
 * {@code connection}, {@code dsn} or {@code url}).
 *
 * @param jdbcUrl    the JDBC URL (without credentials when they came separately)
 * @param properties user, password and timeouts
 */
record PgConnectionSpec(String jdbcUrl, Properties properties) {

    /** @throws IllegalArgumentException when {@code connection} is none of the accepted forms */
    static PgConnectionSpec parse(Object connection) {
        Properties props = new Properties();
        props.setProperty("connectTimeout", "10");
        props.setProperty("loginTimeout", "10");
        props.setProperty("ApplicationName", "noetl-worker");
        if (connection instanceof Map<?, ?> m) {
            Object text = first(m, "connection", "connection_string", "dsn", "url", "jdbc_url");
            if (text instanceof String s && !s.isBlank()) {
                return parse(s);
            }
            String host = str(first(m, "host", "db_host", "pg_host"), "127.0.0.1");
            String port = str(first(m, "port", "db_port", "pg_port"), "5432");
            String db = str(first(m, "database", "dbname", "db", "db_name", "pg_database", "pg_db"), "postgres");
            put(props, "user", first(m, "user", "username", "db_user", "pg_user"));
            put(props, "password", first(m, "password", "db_password", "pg_password"));
            return new PgConnectionSpec("jdbc:postgresql://" + host + ":" + port + "/" + db, props);
        }
        if (!(connection instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException("postgres tool needs 'connection' (JDBC URL, postgresql:// URI or map)");
        }
        String text = s.trim();
        if (text.startsWith("jdbc:postgresql:")) {
            return new PgConnectionSpec(text, props);
        }
        if (text.startsWith("postgresql://") || text.startsWith("postgres://")) {
            URI uri = URI.create(text);
            if (uri.getRawUserInfo() != null) {
                String[] userInfo = uri.getRawUserInfo().split(":", 2);
                put(props, "user", decode(userInfo[0]));
                if (userInfo.length == 2) {
                    put(props, "password", decode(userInfo[1]));
                }
            }
            String host = uri.getHost() == null ? "127.0.0.1" : uri.getHost();
            int port = uri.getPort() < 0 ? 5432 : uri.getPort();
            String path = uri.getRawPath() == null || uri.getRawPath().length() <= 1 ? "/postgres" : uri.getRawPath();
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return new PgConnectionSpec("jdbc:postgresql://" + host + ":" + port + path + query, props);
        }
        throw new IllegalArgumentException("postgres 'connection' must be a JDBC URL, a postgresql:// URI or a map");
    }

    private static Object first(Map<?, ?> m, String... keys) {
        for (String k : keys) {
            Object v = m.get(k);
            if (v != null && !String.valueOf(v).isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static String str(Object v, String fallback) {
        return v == null || String.valueOf(v).isBlank() ? fallback : String.valueOf(v);
    }

    private static void put(Properties p, String key, Object v) {
        if (v != null) {
            p.setProperty(key, String.valueOf(v));
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
