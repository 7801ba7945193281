package io.noetl.app.insight;

import static io.noetl.app.insight.Playbooks.around;
import static io.noetl.app.insight.Playbooks.duckdb;
import static io.noetl.app.insight.Playbooks.step;

import java.util.ArrayList;
import java.util.List;

/** DuckDB statements (in memory) that fail in the engine: catalog, parser, binder, conversion, constraints, IO. */
final class DuckDbScenarios {

    private DuckDbScenarios() {
    }

    static List<Scenario> all() {
        List<Scenario> out = new ArrayList<>();
        out.add(db("duck_missing_table", "summarize_events", "not_found", "SELECT count(*) FROM events_daily;"));
        out.add(db("duck_missing_column", "rank_customers", "not_found", """
                CREATE TABLE customers (id INTEGER, name VARCHAR, revenue DOUBLE);
                SELECT id, rank() OVER (ORDER BY revenu DESC) FROM customers;"""));
        out.add(db("duck_parser_error", "pivot_sales", "bad_request", "SELEC region, sum(amount) FROM sales;"));
        out.add(db("duck_conversion_error", "load_amounts", "validation", """
                CREATE TABLE amounts (amount INTEGER);
                INSERT INTO amounts VALUES ('12,50');"""));
        out.add(db("duck_primary_key", "merge_dimension", "validation", """
                CREATE TABLE dim_product (id INTEGER PRIMARY KEY, name VARCHAR);
                INSERT INTO dim_product VALUES (1, 'widget'), (1, 'gadget');"""));
        out.add(db("duck_not_null", "load_contacts", "validation", """
                CREATE TABLE contacts (id INTEGER, email VARCHAR NOT NULL);
                INSERT INTO contacts VALUES (1, NULL);"""));
        out.add(db("duck_check_constraint", "load_prices", "validation", """
                CREATE TABLE prices (sku VARCHAR, price DECIMAL(10,2) CHECK (price > 0));
                INSERT INTO prices VALUES ('A-1', -3.00);"""));
        out.add(db("duck_missing_csv", "ingest_csv", "not_found",
                "SELECT * FROM read_csv_auto('/data/landing/orders_2024-07-01.csv');"));
        out.add(db("duck_out_of_memory", "dedupe_clicks", "resource_exhausted", """
                SET memory_limit = '20MB';
                SET threads = 1;
                SELECT count(*) FROM (SELECT DISTINCT range::VARCHAR || 'padding-padding-padding' AS k
                                      FROM range(20000000));"""));
        out.add(db("duck_binder_type_mismatch", "score_rows", "bad_request", """
                CREATE TABLE t (label VARCHAR);
                SELECT label + 1 FROM t;"""));
        out.add(db("duck_missing_function", "geo_join", "not_found",
                "SELECT st_distance_sphere(1, 2);"));
        out.add(db("duck_attach_missing_dir", "open_archive", "not_found",
                "ATTACH '/srv/archive/2023/orders.duckdb' AS archive (READ_ONLY);"));
        out.add(db("duck_read_only_attach", "append_audit", "permission", """
                ATTACH '{{ workload.tmp }}/audit_{{ execution_id }}.duckdb' AS w;
                CREATE TABLE w.audit (id INTEGER);
                DETACH w;
                ATTACH '{{ workload.tmp }}/audit_{{ execution_id }}.duckdb' AS ro (READ_ONLY);
                INSERT INTO ro.audit VALUES (1);"""));
        out.add(db("duck_ambiguous_column", "join_sessions", "bad_request", """
                CREATE TABLE a (id INTEGER, v INTEGER);
                CREATE TABLE b (id INTEGER, w INTEGER);
                SELECT id FROM a JOIN b ON a.id = b.id;"""));
        out.add(db("duck_bad_date", "load_calendar", "validation", """
                CREATE TABLE calendar (day DATE);
                INSERT INTO calendar VALUES ('2024-13-45');"""));
        return out;
    }

    private static Scenario db(String name, String step, String expected, String sql) {
        return Scenario.of(name, "duckdb", expected, step, around(name, step(step, duckdb(sql))));
    }
}
