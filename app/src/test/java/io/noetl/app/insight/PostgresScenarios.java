package io.noetl.app.insight;

import static io.noetl.app.insight.Playbooks.around;
import static io.noetl.app.insight.Playbooks.postgres;
import static io.noetl.app.insight.Playbooks.step;

import io.noetl.app.insight.Scenario.Needs;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL statements and connections that fail against the real server, in a schema of the run
 * ({@code workload.schema}, made by {@link PgFixture}).
 */
final class PostgresScenarios {

    private PostgresScenarios() {
    }

    static List<Scenario> all() {
        List<Scenario> out = new ArrayList<>();
        out.add(pg("pg_missing_table", "load_staging", "not_found", "pg",
                "INSERT INTO {{ workload.schema }}.staging_orders SELECT * FROM {{ workload.schema }}.orders;"));
        out.add(pg("pg_missing_column", "aggregate_sales", "not_found", "pg",
                "SELECT customer_region, sum(amount) FROM {{ workload.schema }}.orders GROUP BY 1;"));
        out.add(pg("pg_syntax_error", "build_report", "bad_request", "pg",
                "SELECT id, amount FORM {{ workload.schema }}.orders WHERE amount > 10;"));
        out.add(pg("pg_unique_violation", "insert_order", "validation", "pg",
                "INSERT INTO {{ workload.schema }}.orders (id, email, amount) VALUES (1, 'a@example.com', 5);"));
        out.add(pg("pg_not_null_violation", "upsert_customer", "validation", "pg",
                "INSERT INTO {{ workload.schema }}.orders (id, email, amount) VALUES (77, NULL, 5);"));
        out.add(pg("pg_check_violation", "record_refund", "validation", "pg",
                "INSERT INTO {{ workload.schema }}.orders (id, email, amount) VALUES (78, 'b@example.com', -40);"));
        out.add(pg("pg_foreign_key_violation", "add_order_line", "validation", "pg",
                "INSERT INTO {{ workload.schema }}.order_lines (order_id, sku) VALUES (999, 'SKU-1');"));
        out.add(pg("pg_bad_integer_input", "import_amounts", "validation", "pg",
                "INSERT INTO {{ workload.schema }}.order_lines (order_id, sku, qty) VALUES (1, 'SKU-2', 'n/a');"));
        out.add(pg("pg_permission_denied_table", "read_payroll", "permission", "pg_limited",
                "SELECT employee, salary FROM {{ workload.schema }}.payroll;"));
        out.add(pg("pg_read_only_transaction", "archive_orders", "permission", "pg",
                "BEGIN READ ONLY;\nDELETE FROM {{ workload.schema }}.orders WHERE id < 0;\nCOMMIT;"));
        out.add(pg("pg_statement_timeout", "refresh_materialized", "timeout", "pg",
                "SET statement_timeout = '300ms';\nSELECT pg_sleep(3);"));
        out.add(Scenario.of("pg_step_time_limit", "postgres", "timeout", "long_vacuum",
                around("pg_step_time_limit", step("long_vacuum", postgres("pg", "SELECT pg_sleep(8);"))
                        .spec("timeout: 1s"))).needing(Needs.POSTGRES));
        out.add(pg("pg_unknown_role", "connect_reporting", "auth", "pg_unknown_role", "SELECT 1;"));
        out.add(pg("pg_role_cannot_login", "connect_replica", "auth", "pg_nologin", "SELECT 1;"));
        out.add(pg("pg_wrong_password", "connect_billing", "auth", "pg_badpw", "SELECT 1;")
                .needing(Needs.POSTGRES_PASSWORDS));
        out.add(pg("pg_closed_port", "extract_events", "connection", "pg_closed", "SELECT 1;"));
        out.add(pg("pg_unresolvable_host", "extract_users", "connection", "pg_badhost", "SELECT 1;"));
        out.add(pg("pg_missing_database", "open_analytics", "not_found", "pg_nodb", "SELECT 1;"));
        out.add(pg("pg_too_many_connections", "fan_out_queries", "resource_exhausted", "pg_limit0", "SELECT 1;"));
        out.add(pg("pg_undefined_function", "score_customers", "not_found", "pg",
                "SELECT churn_score(id) FROM {{ workload.schema }}.orders;"));
        out.add(pg("pg_lock_timeout", "reindex_ledger", "timeout", "pg",
                "SET lock_timeout = '300ms';\nSELECT count(*) FROM {{ workload.schema }}.ledger;"));
        out.add(pg("pg_must_be_owner", "add_index", "permission", "pg_limited",
                "ALTER TABLE {{ workload.schema }}.payroll ADD COLUMN bonus int;"));
        out.add(pg("pg_no_create_on_schema", "create_scratch", "permission", "pg_limited",
                "CREATE TABLE {{ workload.schema }}.scratch_results (id int);"));
        out.add(pg("pg_ambiguous_column", "join_lines", "bad_request", "pg",
                "SELECT id FROM {{ workload.schema }}.orders o JOIN {{ workload.schema }}.orders p ON o.id = p.id;"));
        out.add(pg("pg_value_too_long", "store_country", "validation", "pg",
                "INSERT INTO {{ workload.schema }}.countries (code) VALUES ('Germany');"));
        out.add(pg("pg_missing_schema", "create_mart", "not_found", "pg",
                "CREATE TABLE mart_{{ workload.schema }}.daily_revenue (day date, revenue numeric);"));
        out.add(Scenario.of("pg_table_insert_not_null", "postgres", "validation", "save_order",
                around("pg_table_insert_not_null", step("save_order", """
                        tool:
                          kind: postgres
                          connection: "{{ workload.pg }}"
                          table: "{{ workload.schema }}.orders"
                          data:
                            id: 501
                            amount: 12
                        """))).needing(Needs.POSTGRES));
        return out;
    }

    private static Scenario pg(String name, String step, String expected, String connection, String sql) {
        return Scenario.of(name, "postgres", expected, step, around(name, step(step, postgres(connection, sql))))
                .needing(Needs.POSTGRES);
    }
}
