package io.noetl.app.insight;

import static io.noetl.app.insight.Playbooks.around;
import static io.noetl.app.insight.Playbooks.python;
import static io.noetl.app.insight.Playbooks.step;

import java.util.ArrayList;
import java.util.List;

/**
 * Python steps that fail the way libraries fail. The worker's interpreter has none of those libraries, so a
 * scenario defines an exception class with the library's module, name and message and raises it as the library
 * would (with the exception it was caused by, where the library chains one); the rest fail for real.
 */
final class PythonScenarios {

    private PythonScenarios() {
    }

    static List<Scenario> all() {
        List<Scenario> out = new ArrayList<>();
        dataErrors(out);
        moreDataErrors(out);
        codeErrors(out);
        machineErrors(out);
        return out;
    }

    private static void dataErrors(List<Scenario> out) {
        out.add(py("py_pydantic_validation", "parse_orders", "validation", """
                class ValidationError(ValueError):
                    __module__ = "pydantic_core._pydantic_core"
                raise ValidationError("1 validation error for Order\\namount\\n  Input should be greater than 0 "
                    "[type=greater_than, input_value=-5, input_type=int]\\n    For further information visit "
                    "https://errors.pydantic.dev/2.7/v/greater_than")
                """));
        out.add(py("py_jsonschema_required", "check_payload", "validation", """
                class ValidationError(Exception):
                    __module__ = "jsonschema.exceptions"
                raise ValidationError("'customer_id' is a required property\\n\\nFailed validating 'required' in "
                    "schema:\\n    {'type': 'object', 'required': ['customer_id', 'amount']}\\n\\nOn instance:\\n"
                    "    {'amount': 12.5}")
                """));
        out.add(py("py_marshmallow_invalid", "load_profiles", "validation", """
                class ValidationError(Exception):
                    __module__ = "marshmallow.exceptions"
                raise ValidationError("{'email': ['Not a valid email address.'], 'age': ['Not a valid integer.']}")
                """));
        out.add(py("py_response_shape_assertion", "check_response", "validation", """
                payload = {"error": "upstream degraded"}
                assert "items" in payload, "response is missing field 'items'; got keys " + str(sorted(payload))
                """));
        out.add(py("py_great_expectations_failed", "validate_orders", "data_quality", """
                class ValidationFailed(Exception):
                    pass
                raise ValidationFailed("Validation of suite 'orders.critical' failed: 2 of 14 expectations "
                    "unsuccessful: expect_column_values_to_not_be_null(column='customer_id') unexpected_percent=12.5; "
                    "expect_column_values_to_be_between(column='amount', min_value=0) unexpected_count=37")
                """));
        out.add(py("py_threshold_check", "check_freshness", "data_quality", """
                score = 0.62
                if score < 0.9:
                    raise ValueError(f"quality score {score} is below the threshold 0.9 for table daily_orders")
                """));
        out.add(py("py_soda_checks_failed", "run_soda_scan", "data_quality", """
                raise AssertionError("Soda scan failed: 3/12 checks FAILED: duplicate_count(order_id) = 4, "
                                     "missing_count(email) = 17, row_count > 1000 (actual 212)")
                """));
        out.add(py("py_row_count_drop", "compare_counts", "data_quality", """
                yesterday, today = 120000, 41000
                drop = 1 - today / yesterday
                if drop > 0.2:
                    raise RuntimeError(f"row count dropped {drop:.0%} day over day (120000 -> 41000); "
                                       "anomaly check failed")
                """));
    }

    private static void moreDataErrors(List<Scenario> out) {
        out.add(py("py_pandas_parser_error", "read_vendor_csv", "validation", """
                class ParserError(ValueError):
                    __module__ = "pandas.errors"
                raise ParserError("Error tokenizing data. C error: Expected 5 fields in line 1234, saw 7")
                """));
        out.add(py("py_arrow_invalid", "write_arrow", "validation", """
                class ArrowInvalid(ValueError):
                    __module__ = "pyarrow.lib"
                raise ArrowInvalid("Could not convert 'n/a' with type str: tried to convert to int64")
                """));
        out.add(py("py_data_contract_violation", "enforce_contract", "validation", """
                class DataContractViolation(Exception):
                    pass
                raise DataContractViolation("contract orders.v3 broken: column 'price' must be decimal(10,2) but "
                                            "340 rows hold strings; column 'currency' is missing")
                """));
        out.add(py("py_ge_checkpoint_result", "run_checkpoint", "data_quality", """
                checkpoint_result = {"success": False, "statistics": {"evaluated_expectations": 9,
                                     "unsuccessful_expectations": 3, "success_percent": 66.7}}
                if not checkpoint_result["success"]:
                    stats = checkpoint_result["statistics"]
                    raise Exception("Checkpoint 'nightly_orders' failed: " + str(stats["unsuccessful_expectations"])
                                    + " of " + str(stats["evaluated_expectations"]) + " expectations unsuccessful")
                """));
        out.add(py("py_duplicate_rate_check", "check_duplicates", "data_quality", """
                duplicates, total = 530, 10000
                rate = duplicates / total
                assert rate <= 0.01, f"duplicate rate {rate:.1%} exceeds the allowed 1.0% for orders"
                """));
    }

    private static void codeErrors(List<Scenario> out) {
        out.add(py("py_recursion_error", "flatten_tree", "code_error", """
                def depth(node):
                    return 1 + depth(node)
                depth({"id": 1})
                """));
        out.add(py("py_unbound_local", "accumulate", "code_error", """
                def total(rows):
                    for r in rows:
                        subtotal += r
                    return subtotal
                result = total([1, 2])
                """));
        out.add(py("py_key_error", "transform_rows", "code_error", """
                rows = [{"id": 1, "amount": 3.5}]
                total = sum(r["amount"] * r["fx_rate"] for r in rows)
                """));
        out.add(py("py_type_error_none", "sum_invoices", "code_error", """
                amounts = [10, None, 5]
                total = 0
                for a in amounts:
                    total = total + a
                """));
        out.add(py("py_zero_division", "compute_ratio", "code_error", """
                clicks, views = 12, 0
                ctr = clicks / views
                """));
        out.add(py("py_attribute_error", "normalize_names", "code_error", """
                record = {"name": None}
                result = record["name"].strip().lower()
                """));
        out.add(py("py_name_error", "apply_discount", "code_error", """
                price = 100
                result = price * (1 - discount_rate)
                """));
        out.add(py("py_index_error", "pick_latest", "code_error", """
                batches = []
                result = batches[-1]
                """));
        out.add(py("py_import_missing_module", "fit_model", "code_error", """
                import sklearn_nonexistent_pkg
                result = 1
                """));
    }

    private static void machineErrors(List<Scenario> out) {
        out.add(py("py_memory_error_real", "load_everything", "resource_exhausted", """
                import resource
                resource.setrlimit(resource.RLIMIT_AS, (512 * 1024 * 1024, 512 * 1024 * 1024))
                blob = bytearray(2 * 1024 * 1024 * 1024)
                """));
        out.add(py("py_too_many_open_files_real", "open_partitions", "resource_exhausted", """
                import resource
                resource.setrlimit(resource.RLIMIT_NOFILE, (32, 32))
                handles = [open("/dev/null") for _ in range(64)]
                """));
        out.add(py("py_memory_error", "pivot_events", "resource_exhausted", """
                raise MemoryError()
                """));
        out.add(py("py_numpy_alloc", "build_matrix", "resource_exhausted", """
                class _ArrayMemoryError(MemoryError):
                    __module__ = "numpy.core._exceptions"
                raise _ArrayMemoryError("Unable to allocate 74.5 GiB for an array with shape (100000, 100000) "
                                        "and data type float64")
                """));
        out.add(py("py_no_space_left", "write_parquet", "resource_exhausted", """
                import errno
                raise OSError(errno.ENOSPC, "No space left on device", "/tmp/export/orders_2024-07-01.parquet")
                """));
        out.add(py("py_too_many_open_files", "open_shards", "resource_exhausted", """
                import errno
                raise OSError(errno.EMFILE, "Too many open files", "/data/shards/part-01023.csv")
                """));
        out.add(py("py_file_not_found_real", "read_input", "not_found", """
                with open(workload.tmp + "/incoming/orders_2024-07-01.csv") as f:
                    result = f.read()
                """));
        out.add(py("py_permission_error", "rotate_logs", "permission", """
                import errno
                raise PermissionError(errno.EACCES, "Permission denied", "/var/log/etl/loader.log")
                """));
        out.add(py("py_read_only_fs", "cache_results", "permission", """
                import errno
                raise OSError(errno.EROFS, "Read-only file system", "/mnt/cache/results.pkl")
                """));
    }

    static Scenario py(String name, String step, String expected, String code) {
        return Scenario.of(name, "python", expected, step, around(name, step(step, python(code))));
    }
}
