package io.noetl.app.insight;

import static io.noetl.app.insight.Playbooks.around;
import static io.noetl.app.insight.Playbooks.chain;
import static io.noetl.app.insight.Playbooks.duckdb;
import static io.noetl.app.insight.Playbooks.http;
import static io.noetl.app.insight.Playbooks.noop;
import static io.noetl.app.insight.Playbooks.python;
import static io.noetl.app.insight.Playbooks.route;
import static io.noetl.app.insight.Playbooks.shell;
import static io.noetl.app.insight.Playbooks.step;

import io.noetl.app.insight.FakeApi.Reply;
import io.noetl.app.insight.Scenario.Needs;
import java.util.ArrayList;
import java.util.List;

/**
 * What a workflow adds to a failure: sub-playbooks whose child fails, a person's rejection, a cancel while a step
 * runs, a decision nobody took, retries that recover or run out, a template that reads what an earlier step did not
 * produce.
 */
final class FlowScenarios {

    private FlowScenarios() {
    }

    static List<Scenario> all() {
        List<Scenario> out = new ArrayList<>();
        children(out);
        people(out);
        retries(out);
        more(out);
        return out;
    }

    private static void children(List<Scenario> out) {
        out.add(parentOf("flow_child_key_error", "run_enrichment", "code_error",
                step("enrich", python("row = {\"id\": 3}\nresult = row[\"segment\"].upper()"))));
        out.add(parentOf("flow_child_http_503", "run_ingest", "dependency_5xx",
                step("pull_feed", http("GET", "{{ workload.api }}/r/flow_child_http_503")))
                .withReplies(Reply.of(503, "<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>")));
        out.add(parentOf("flow_child_duckdb_missing", "run_rollup", "not_found",
                step("rollup", duckdb("SELECT day, sum(amount) FROM fact_sales GROUP BY day;"))));
        out.add(parentOf("flow_child_timeout", "run_slow_child", "timeout",
                step("slow_export", shell("sleep 10")).spec("timeout: 1s")));
    }

    private static void people(List<Scenario> out) {
        out.add(rejected("flow_rejected_duplicates", "review_load", "duplicate customer ids in today's batch"));
        out.add(rejected("flow_rejected_totals", "approve_publish", "totals disagree with the finance report by 4%"));
        out.add(Scenario.of("flow_decision_wait_timeout", "decision", "timeout", "sign_off",
                chain("flow_decision_wait_timeout", step("prepare", noop()),
                        step("sign_off", noop()).spec("wait: decision\nwait_timeout: 1s"), step("publish", noop()))));
        out.add(cancelled("flow_cancel_python", "crunch_numbers", python("import time\ntime.sleep(30)")));
        out.add(cancelled("flow_cancel_shell", "copy_archive", shell("sleep 30")));
        out.add(cancelled("flow_cancel_http", "await_callback", route("flow_cancel_http"))
                .withReplies(Reply.ok().after(30_000)));
        out.add(cancelled("flow_cancel_postgres", "vacuum_full", Playbooks.postgres("pg", "SELECT pg_sleep(30);"))
                .needing(Needs.POSTGRES));
        out.add(Scenario.of("flow_template_missing_field", "template", "bad_request", "notify_owner",
                chain("flow_template_missing_field",
                        step("lookup_owner", python("result = {\"team\": \"payments\"}")),
                        step("notify_owner", http("POST", "{{ workload.api }}/ok?to={{ lookup_owner.email }}")),
                        step("done", noop()))));
        out.add(Scenario.of("flow_bad_upstream_data", "python", "code_error", "compute_margin",
                chain("flow_bad_upstream_data",
                        step("fetch_costs", python("result = {\"costs\": None}")),
                        step("compute_margin", python("revenue = 100\nresult = revenue - sum(fetch_costs.costs)")),
                        step("done", noop()))));
    }

    private static void retries(List<Scenario> out) {
        out.add(recovered("flow_retry_503_recovers", "fetch_rates", "dependency_5xx",
                Reply.of(503, "{\"message\": \"Service Unavailable\"}"),
                Reply.of(503, "{\"message\": \"Service Unavailable\"}"), Reply.ok()));
        out.add(recovered("flow_retry_429_recovers", "list_events", "rate_limited",
                Reply.of(429, "{\"error\": \"rate_limit\", \"message\": \"Too Many Requests\"}", "Retry-After", "1"),
                Reply.ok()));
        // two drops: the JDK client silently repeats an idempotent request once when its connection is dropped
        out.add(recovered("flow_retry_dropped_recovers", "push_metrics", "connection", Reply.dropped(),
                Reply.dropped(), Reply.ok()));
        out.add(Scenario.of("flow_retry_timeout_recovers", "http", "timeout", "poll_job",
                around("flow_retry_timeout_recovers", step("poll_job", route("flow_retry_timeout_recovers")
                        + "  timeout: 1s\n").retry(3)))
                .withReplies(Reply.ok().after(3000), Reply.ok()));
        out.add(Scenario.of("flow_retry_python_recovers", "python", "connection", "load_crm",
                around("flow_retry_python_recovers", step("load_crm", python("""
                        import os
                        marker = workload.tmp + "/attempted_" + execution_id
                        if not os.path.exists(marker):
                            open(marker, "w").close()
                            class ConnectionError(Exception):
                                __module__ = "requests.exceptions"
                            raise ConnectionError("('Connection aborted.', ConnectionResetError(104, "
                                                  "'Connection reset by peer'))")
                        result = {"loaded": 12}
                        """)).retry(3))));
        out.add(Scenario.of("flow_retry_exhausted_502", "http", "dependency_5xx", "post_ledger",
                around("flow_retry_exhausted_502", step("post_ledger", route("flow_retry_exhausted_502")).retry(3)))
                .withReplies(Reply.of(502, "<html><head><title>502 Bad Gateway</title></head></html>")));
        out.add(Scenario.of("flow_retry_then_404", "http", "not_found", "get_manifest",
                around("flow_retry_then_404", step("get_manifest", route("flow_retry_then_404")).retry(3)))
                .withReplies(Reply.of(503, "{\"message\": \"warming up\"}"),
                        Reply.of(404, "{\"message\": \"manifest 2024-07-01 not found\"}")));
    }

    private static void more(List<Scenario> out) {
        String grandchild = "flow_grandchild_401_leaf";
        String middle = "flow_grandchild_401_middle";
        out.add(Scenario.of("flow_grandchild_401", "playbook", "auth", "run_sync",
                chain(grandchild, step("call_api", http("GET", "{{ workload.api }}/r/flow_grandchild_401")))
                        + "\n---\n" + chain(middle, step("nested", child(grandchild)))
                        + "\n---\n" + chain("flow_grandchild_401", step("prepare", noop()),
                                step("run_sync", child(middle)), step("publish", noop())))
                .withReplies(Reply.of(401, "{\"error\": \"unauthorized\", \"message\": \"API key revoked\"}")));
        out.add(Scenario.of("flow_approved_then_fails", "python", "code_error", "load_approved",
                chain("flow_approved_then_fails", step("score", python("result = {\"quality_score\": 0.8}")),
                        step("approve_load", noop() + "spec:\n  wait: decision\n  wait_timeout: 1h\n"),
                        step("load_approved", python("rows = None\nresult = len(rows)")),
                        step("done", noop())))
                .drivenBy((run, id) -> {
                    run.awaitStatus(id, "PAUSED");
                    run.decide(id, "approve_load", "approve", "looks fine", "lead@example.com");
                }));
        out.add(Scenario.of("flow_cancel_while_waiting", "cancel", "cancelled", "await_sign_off",
                chain("flow_cancel_while_waiting", step("prepare", noop()),
                        step("await_sign_off", noop() + "spec:\n  wait: decision\n  wait_timeout: 1h\n"),
                        step("publish", noop())))
                .drivenBy((run, id) -> {
                    run.awaitStatus(id, "PAUSED");
                    run.cancel(id);
                }));
        String slowChild = "flow_cancel_parent_child";
        out.add(Scenario.of("flow_cancel_parent", "cancel", "cancelled", "run_backfill",
                chain(slowChild, step("backfill", shell("sleep 30")))
                        + "\n---\n" + chain("flow_cancel_parent", step("prepare", noop()),
                                step("run_backfill", child(slowChild)), step("publish", noop())))
                .drivenBy((run, id) -> {
                    run.awaitStatus(id, "RUNNING");
                    Thread.sleep(1500);
                    run.cancel(id);
                }));
        out.add(Scenario.of("flow_retry_python_timeout_recovers", "python", "timeout", "score_batch",
                around("flow_retry_python_timeout_recovers", step("score_batch", python("""
                        import os, time
                        marker = workload.tmp + "/slow_" + execution_id
                        if not os.path.exists(marker):
                            open(marker, "w").close()
                            time.sleep(5)
                        result = {"scored": 100}
                        """)).spec("timeout: 1s").retry(3))));
        out.add(Scenario.of("flow_recovered_then_other_step_fails", "python", "code_error", "merge_rates",
                chain("flow_recovered_then_other_step_fails",
                        step("fetch_rates", route("flow_recovered_then_other_step_fails")).retry(3),
                        step("merge_rates", python("rates = {\"EUR\": 1.0}\nresult = rates[\"USD\"] * 2")),
                        step("done", noop())))
                .withReplies(Reply.of(503, "{\"message\": \"Service Unavailable\"}"), Reply.ok()));
        out.add(Scenario.of("flow_parallel_branch_fails", "duckdb", "not_found", "branch_b",
                chain("flow_parallel_branch_fails",
                        step("fork", noop() + "next:\n  spec:\n    mode: inclusive\n  arcs:\n"
                                + "    - step: branch_a\n    - step: branch_b\n"),
                        step("branch_a", python("import time\ntime.sleep(0.5)\nresult = 1") + "next: []\n"),
                        step("branch_b", duckdb("SELECT * FROM branch_input;") + "next: []\n"))));
    }

    private static String child(String path) {
        return "tool:\n  kind: playbook\n  path: " + Playbooks.PREFIX + path + "\n  workload:\n"
                + "    api: \"{{ workload.api }}\"\n";
    }

    private static Scenario parentOf(String name, String parentStep, String expected, Playbooks.Step childStep) {
        String child = name + "_child";
        String childYaml = chain(child, childStep);
        String parent = chain(name, step("prepare", noop()),
                step(parentStep, "tool:\n  kind: playbook\n  path: " + Playbooks.PREFIX + child + "\n  workload:\n"
                        + "    api: \"{{ workload.api }}\"\n"),
                step("publish", noop()));
        return Scenario.of(name, "playbook", expected, parentStep, childYaml + "\n---\n" + parent);
    }

    private static Scenario rejected(String name, String step, String reason) {
        String yaml = chain(name, step("score_batch", python("result = {\"quality_score\": 0.71}")),
                step(step, http("POST", "{{ workload.api }}/ok") + "spec:\n  wait: decision\n  wait_timeout: 1h\n"
                        + "next:\n  - when: \"{{ " + step + ".action == 'approve' }}\"\n    then:\n"
                        + "      - step: publish\n"),
                step("publish", noop()));
        return Scenario.of(name, "decision", "data_quality", step, yaml).drivenBy((run, id) -> {
            run.awaitStatus(id, "PAUSED");
            run.decide(id, step, "reject", reason, "reviewer@example.com");
        });
    }

    private static Scenario cancelled(String name, String step, String toolYaml) {
        return Scenario.of(name, "cancel", "cancelled", step, around(name, step(step, toolYaml)))
                .drivenBy((run, id) -> {
                    run.awaitStarted(id, step);
                    Thread.sleep(300);
                    run.cancel(id);
                });
    }

    private static Scenario recovered(String name, String step, String expected, Reply... replies) {
        return Scenario.of(name, "http", expected, step, around(name, step(step, route(name)).retry(4)))
                .withReplies(replies);
    }
}
