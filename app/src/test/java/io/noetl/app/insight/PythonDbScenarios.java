package io.noetl.app.insight;

import static io.noetl.app.insight.PythonScenarios.py;

import java.util.ArrayList;
import java.util.List;

/**
 * Python steps whose database drivers fail, phrased as those drivers phrase it (some with sqlite3 for real). The worker's interpreter has none of those libraries: a scenario defines an
 * exception class with the library's module, name and message and raises it as the library would.
 */
final class PythonDbScenarios {

    private PythonDbScenarios() {
    }

    static List<Scenario> all() {
        List<Scenario> out = new ArrayList<>();
        out.add(py("py_psycopg2_undefined_table", "read_staging", "not_found", """
                class UndefinedTable(Exception):
                    __module__ = "psycopg2.errors"
                raise UndefinedTable('relation "staging.orders_v2" does not exist\\nLINE 1: SELECT * FROM '
                                     'staging.orders_v2\\n                      ^')
                """));
        out.add(py("py_psycopg2_connection_refused", "open_source_db", "connection", """
                class OperationalError(Exception):
                    __module__ = "psycopg2"
                raise OperationalError('connection to server at "db.internal" (10.0.0.5), port 5432 failed: '
                    'Connection refused\\n\\tIs the server running on that host and accepting TCP/IP connections?')
                """));
        out.add(py("py_psycopg2_password_failed", "open_target_db", "auth", """
                class OperationalError(Exception):
                    __module__ = "psycopg2"
                raise OperationalError('connection to server at "warehouse.internal" (10.0.0.9), port 5432 failed: '
                    'FATAL:  password authentication failed for user "etl_writer"')
                """));
        out.add(py("py_psycopg2_unique_violation", "write_customers", "validation", """
                class UniqueViolation(Exception):
                    __module__ = "psycopg2.errors"
                raise UniqueViolation('duplicate key value violates unique constraint "customers_email_key"\\n'
                                      'DETAIL:  Key (email)=(ann@example.com) already exists.')
                """));
        out.add(py("py_psycopg2_pool_exhausted", "parallel_load", "resource_exhausted", """
                class PoolError(Exception):
                    __module__ = "psycopg2.pool"
                raise PoolError("connection pool exhausted")
                """));
        out.add(py("py_sqlalchemy_queue_pool", "serve_features", "resource_exhausted", """
                class TimeoutError(Exception):
                    __module__ = "sqlalchemy.exc"
                raise TimeoutError("QueuePool limit of size 5 overflow 10 reached, connection timed out, timeout "
                                   "30.00 (Background on this error at: https://sqlalche.me/e/20/3o7r)")
                """));
        out.add(py("py_psycopg2_query_canceled", "compute_cohorts", "timeout", """
                class QueryCanceled(Exception):
                    __module__ = "psycopg2.errors"
                raise QueryCanceled("canceling statement due to statement timeout")
                """));
        out.add(py("py_snowflake_object_missing", "unload_orders", "not_found", """
                class ProgrammingError(Exception):
                    __module__ = "snowflake.connector.errors"
                raise ProgrammingError("002003 (42S02): 01b2c3d4-0000-1234-0000-00012345678a: SQL compilation "
                    "error:\\nObject 'ANALYTICS.PUBLIC.ORDERS_DAILY' does not exist or not authorized.")
                """));
        out.add(py("py_redis_auth", "warm_cache", "auth", """
                class AuthenticationError(Exception):
                    __module__ = "redis.exceptions"
                raise AuthenticationError("invalid username-password pair or user is disabled.")
                """));
        out.add(py("py_mysql_access_denied_login", "open_mysql", "auth", """
                class OperationalError(Exception):
                    __module__ = "pymysql.err"
                raise OperationalError(1045, "Access denied for user 'etl'@'10.0.0.3' (using password: YES)")
                """));
        out.add(py("py_mysql_cant_connect", "open_shop_db", "connection", """
                class OperationalError(Exception):
                    __module__ = "pymysql.err"
                raise OperationalError(2003, "Can't connect to MySQL server on 'shop-db.internal' ([Errno 111] "
                                             "Connection refused)")
                """));
        out.add(py("py_mysql_command_denied", "read_salaries", "permission", """
                class OperationalError(Exception):
                    __module__ = "pymysql.err"
                raise OperationalError(1142, "SELECT command denied to user 'reporting'@'%' for table 'salaries'")
                """));
        out.add(py("py_mysql_duplicate_entry", "insert_users", "validation", """
                class IntegrityError(Exception):
                    __module__ = "pymysql.err"
                raise IntegrityError(1062, "Duplicate entry 'ann@example.com' for key 'users.email'")
                """));
        out.add(py("py_mysql_syntax", "run_report_sql", "bad_request", """
                class ProgrammingError(Exception):
                    __module__ = "pymysql.err"
                raise ProgrammingError(1064, "You have an error in your SQL syntax; check the manual that corresponds "
                    "to your MySQL server version for the right syntax to use near 'FORM orders WHERE id = 1' at line 1")
                """));
        out.add(py("py_oracle_table_missing", "extract_gl", "not_found", """
                class DatabaseError(Exception):
                    __module__ = "cx_Oracle"
                raise DatabaseError("ORA-00942: table or view does not exist")
                """));
        out.add(py("py_oracle_logon_denied", "connect_erp", "auth", """
                class DatabaseError(Exception):
                    __module__ = "oracledb.exceptions"
                raise DatabaseError("ORA-01017: invalid username/password; logon denied")
                """));
        out.add(py("py_oracle_no_listener", "connect_legacy", "connection", """
                class DatabaseError(Exception):
                    __module__ = "cx_Oracle"
                raise DatabaseError("ORA-12541: TNS:no listener")
                """));
        out.add(py("py_clickhouse_missing_table", "aggregate_clicks", "not_found", """
                class ServerException(Exception):
                    __module__ = "clickhouse_driver.errors"
                raise ServerException("Code: 60.\\nDB::Exception: Table analytics.clicks_daily doesn't exist. "
                                      "Stack trace:\\n\\n0. DB::Exception::Exception(...)")
                """));
        out.add(py("py_pymongo_duplicate_key", "upsert_profiles", "validation", """
                class DuplicateKeyError(Exception):
                    __module__ = "pymongo.errors"
                raise DuplicateKeyError("E11000 duplicate key error collection: crm.profiles index: email_1 dup key: "
                                        "{ email: \\"ann@example.com\\" }, full error: {'index': 0, 'code': 11000}")
                """));
        out.add(py("py_pymongo_server_selection", "read_events", "connection", """
                class ServerSelectionTimeoutError(Exception):
                    __module__ = "pymongo.errors"
                raise ServerSelectionTimeoutError("mongo-0.internal:27017: [Errno 111] Connection refused, Timeout: "
                    "30s, Topology Description: <TopologyDescription id: 66a1, topology_type: Unknown, servers: "
                    "[<ServerDescription ('mongo-0.internal', 27017) server_type: Unknown>]>")
                """));
        out.add(py("py_sqlite_no_such_table_real", "read_local_cache", "not_found", """
                import sqlite3
                db = sqlite3.connect(":memory:")
                db.execute("SELECT * FROM cached_rates").fetchall()
                """));
        out.add(py("py_sqlite_unique_real", "remember_runs", "validation", """
                import sqlite3
                db = sqlite3.connect(":memory:")
                db.execute("CREATE TABLE runs (day TEXT UNIQUE)")
                db.execute("INSERT INTO runs VALUES ('2024-07-01')")
                db.execute("INSERT INTO runs VALUES ('2024-07-01')")
                """));
        return out;
    }
}
