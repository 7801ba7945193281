package io.noetl.app.insight;

import static io.noetl.app.insight.Playbooks.around;
import static io.noetl.app.insight.Playbooks.shell;
import static io.noetl.app.insight.Playbooks.step;

import java.util.ArrayList;
import java.util.List;

/**
 * Shell steps that fail: real commands failing for real where this machine allows it (also when the tests run as
 * root), and the output of tools that are not installed (dbt, the AWS CLI) printed as those tools print it.
 */
final class ShellScenarios {

    private ShellScenarios() {
    }

    static List<Scenario> all() {
        List<Scenario> out = new ArrayList<>();
        out.add(sh("sh_command_not_found", "run_dbt_models", "not_found", "dbtx run --select staging+"));
        out.add(sh("sh_timeout_124", "export_snapshot", "timeout", "timeout 1 sleep 5"));
        out.add(sh("sh_not_executable", "run_loader", "permission", """
                printf 'echo loading\\n' > "{{ workload.tmp }}/load_{{ execution_id }}.sh"
                chmod 644 "{{ workload.tmp }}/load_{{ execution_id }}.sh"
                "{{ workload.tmp }}/load_{{ execution_id }}.sh"
                """));
        out.add(sh("sh_dbt_test_failure", "dbt_test", "data_quality", """
                echo "12:01:07  Running with dbt=1.7.4"
                echo "12:01:09  1 of 3 START test not_null_orders_customer_id ............... [RUN]"
                echo "12:01:09  1 of 3 FAIL 3 not_null_orders_customer_id ..................... [FAIL 3 in 0.05s]"
                echo "12:01:10  Completed with 1 error and 0 warnings:"
                echo "12:01:10  Failure in test not_null_orders_customer_id (models/staging/schema.yml)"
                echo "12:01:10    Got 3 results, configured to fail if != 0"
                echo "12:01:10  Done. PASS=2 WARN=0 ERROR=1 SKIP=0 TOTAL=3"
                exit 1
                """));
        out.add(sh("sh_missing_file", "compress_extract", "not_found",
                "gzip -c /data/extracts/orders_2024-07-01.csv > /dev/null"));
        out.add(sh("sh_oom_killed", "train_model", "resource_exhausted", "sh -c 'kill -9 $$'"));
        out.add(sh("sh_disk_full", "stage_files", "resource_exhausted",
                "dd if=/dev/zero of=/dev/full bs=1k count=4"));
        out.add(sh("sh_curl_refused", "healthcheck_api", "connection",
                "curl -sS --fail \"{{ workload.closed_url }}/healthz\""));
        out.add(sh("sh_curl_dns", "fetch_sitemap", "connection",
                "curl -sS --fail https://cdn.assets.invalid/sitemap.xml"));
        out.add(sh("sh_curl_http_503", "warm_cdn", "dependency_5xx",
                "curl -sS --fail \"{{ workload.api }}/r/sh_curl_http_503\"")
                .withReplies(FakeApi.Reply.of(503, "Service Unavailable")));
        out.add(sh("sh_curl_http_401", "download_private", "auth",
                "curl -sS --fail \"{{ workload.api }}/r/sh_curl_http_401\"")
                .withReplies(FakeApi.Reply.of(401, "{\"message\": \"Requires authentication\"}")));
        out.add(sh("sh_bad_option", "stamp_partition", "bad_request", "date --no-such-flag +%Y-%m-%d"));
        out.add(sh("sh_aws_no_credentials", "sync_to_s3", "auth", """
                echo "" >&2
                echo "Unable to locate credentials. You can configure credentials by running \\"aws configure\\"." >&2
                exit 253
                """));
        out.add(sh("sh_python_traceback_key_error", "run_transform_script", "code_error", """
                python3 -c 'import json; row = json.loads("{\\"id\\": 7}"); print(row["customer"])'
                """));
        out.add(sh("sh_write_read_only_sysfs", "tune_kernel", "permission",
                "echo 1 > /sys/kernel/notes"));
        out.add(Scenario.of("sh_step_time_limit", "shell", "timeout", "rebuild_index",
                around("sh_step_time_limit", step("rebuild_index", shell("sleep 10")).spec("timeout: 1s"))));
        more(out);
        return out;
    }

    private static void more(List<Scenario> out) {
        out.add(sh("sh_ls_missing_dir", "list_landing", "not_found", "ls -la /data/landing/2024-07-01/"));
        out.add(sh("sh_python_zero_division", "compute_kpis", "code_error",
                "python3 -c 'orders = 0; print(100 / orders)'"));
        out.add(sh("sh_python_missing_file", "convert_feed", "not_found",
                "python3 -c 'import csv; list(csv.reader(open(\"/srv/feeds/vendor_2024-07-01.csv\")))'"));
        out.add(sh("sh_java_heap", "spark_submit", "resource_exhausted", """
                echo "24/07/01 10:15:30 INFO SparkContext: Running Spark version 3.5.1" >&2
                echo 'Exception in thread "main" java.lang.OutOfMemoryError: Java heap space' >&2
                echo "	at java.base/java.util.Arrays.copyOf(Arrays.java:3537)" >&2
                exit 1
                """));
        out.add(sh("sh_yarn_container_killed", "run_spark_job", "resource_exhausted", """
                echo "org.apache.spark.SparkException: Job aborted due to stage failure: Task 7 in stage 3.0 failed 4 \
                times, most recent failure: Lost task 7.3 in stage 3.0 (TID 91) (ip-10-0-1-12 executor 3): \
                ExecutorLostFailure (executor 3 exited caused by one of the running tasks) Reason: Container killed \
                by YARN for exceeding physical memory limits. 5.5 GB of 5.5 GB physical memory used." >&2
                exit 1
                """));
        out.add(sh("sh_kubectl_forbidden", "restart_workers", "permission", """
                echo 'Error from server (Forbidden): pods is forbidden: User "system:serviceaccount:etl:ci" cannot \
                list resource "pods" in API group "" in the namespace "prod"' >&2
                exit 1
                """));
        out.add(sh("sh_kubectl_not_found", "rollout_status", "not_found", """
                echo 'Error from server (NotFound): deployments.apps "etl-worker" not found' >&2
                exit 1
                """));
        out.add(sh("sh_kubectl_refused", "apply_manifests", "connection", """
                echo 'The connection to the server 10.0.0.1:6443 was refused - did you specify the right host or \
                port?' >&2
                exit 1
                """));
        out.add(sh("sh_gsutil_access_denied", "copy_to_gcs", "permission", """
                echo "AccessDeniedException: 403 etl@acme-prod.iam.gserviceaccount.com does not have \
                storage.objects.create access to the Google Cloud Storage object." >&2
                exit 1
                """));
        out.add(sh("sh_git_auth_failed", "checkout_models", "auth", """
                echo "remote: Invalid username or password." >&2
                echo "fatal: Authentication failed for 'https://github.com/acme/etl-models.git/'" >&2
                exit 128
                """));
        out.add(sh("sh_ssh_unresolved", "pull_from_bastion", "connection", """
                echo "ssh: Could not resolve hostname bastion.internal.acme: Name or service not known" >&2
                exit 255
                """));
        out.add(sh("sh_soda_scan_failures", "soda_scan", "data_quality", """
                echo "Soda Library 1.4.10"
                echo "Scan summary:"
                echo "5/7 checks PASSED"
                echo "2/7 checks FAILED"
                echo "    orders in warehouse"
                echo "      duplicate_count(order_id) = 0 [FAILED]"
                echo "        check_value: 14"
                echo "      missing_count(customer_id) = 0 [FAILED]"
                echo "        check_value: 3"
                echo "Oops! 2 failures. 0 warnings. 0 errors. 5 pass."
                exit 2
                """));
        out.add(sh("sh_dbt_database_error", "dbt_run", "not_found", """
                echo "12:03:11  Completed with 1 error and 0 warnings:"
                echo "12:03:11  Database Error in model stg_orders (models/staging/stg_orders.sql)"
                echo '12:03:11    relation "raw.orders_v2" does not exist'
                echo "12:03:11    LINE 12: from raw.orders_v2"
                echo "12:03:11    compiled Code at target/run/acme/models/staging/stg_orders.sql"
                echo "12:03:11  Done. PASS=14 WARN=0 ERROR=1 SKIP=3 TOTAL=18"
                exit 1
                """));
        out.add(sh("sh_ulimit_memory_real", "build_embeddings", "resource_exhausted",
                "ulimit -v 400000\npython3 -c 'x = bytearray(1024 * 1024 * 1024)'"));
    }

    private static Scenario sh(String name, String step, String expected, String command) {
        return Scenario.of(name, "shell", expected, step, around(name, step(step, shell(command))));
    }
}
