package io.noetl.app.insight;

import static io.noetl.app.insight.Playbooks.around;
import static io.noetl.app.insight.Playbooks.chain;
import static io.noetl.app.insight.Playbooks.http;
import static io.noetl.app.insight.Playbooks.route;
import static io.noetl.app.insight.Playbooks.step;

import io.noetl.app.insight.FakeApi.Reply;
import java.util.ArrayList;
import java.util.List;

/** HTTP calls that fail: no answer at all, a slow answer, and error statuses with the bodies real APIs send. */
final class HttpScenarios {

    private HttpScenarios() {
    }

    static List<Scenario> all() {
        List<Scenario> out = new ArrayList<>();
        out.add(Scenario.of("http_refused_closed_port", "http", "connection", "fetch_orders",
                around("http_refused_closed_port", step("fetch_orders",
                        http("GET", "{{ workload.closed_url }}/v1/orders?day=2024-07-01")))));
        out.add(Scenario.of("http_unresolvable_host", "http", "connection", "call_partner_api",
                around("http_unresolvable_host", step("call_partner_api",
                        http("POST", "http://partner-gateway.invalid:8443/v2/shipments")))));
        out.add(Scenario.of("http_read_timeout_slow_handler", "http", "timeout", "fetch_report",
                around("http_read_timeout_slow_handler", step("fetch_report", route("http_read_timeout_slow_handler"))
                        .spec("timeout: 1s"))).withReplies(Reply.ok().after(4000)));
        out.add(Scenario.of("http_dropped_connection", "http", "connection", "sync_inventory",
                around("http_dropped_connection", step("sync_inventory", route("http_dropped_connection"))))
                .withReplies(Reply.dropped()));
        out.add(status("http_500_spring_boot", "get_customer", "dependency_5xx", Reply.of(500, """
                {"timestamp":"2024-07-01T10:15:30.123+00:00","status":500,"error":"Internal Server Error",\
                "path":"/api/customers/42"}""")));
        out.add(status("http_500_django_html", "post_invoice", "dependency_5xx", Reply.of(500, """
                <!doctype html>
                <html lang="en"><head><title>Server Error (500)</title></head>
                <body><h1>Server Error (500)</h1><p></p></body></html>""")));
        out.add(status("http_502_nginx", "refresh_prices", "dependency_5xx", Reply.of(502, """
                <html>
                <head><title>502 Bad Gateway</title></head>
                <body>
                <center><h1>502 Bad Gateway</h1></center>
                <hr><center>nginx/1.25.3</center>
                </body>
                </html>""")));
        out.add(status("http_503_envoy_upstream", "list_accounts", "dependency_5xx", Reply.of(503,
                "upstream connect error or disconnect/reset before headers. reset reason: connection failure",
                "Server", "envoy")));
        out.add(status("http_503_retry_after", "download_export", "dependency_5xx", Reply.of(503, """
                {"error": {"code": 503, "message": "The service is currently unavailable.", "status": "UNAVAILABLE"}}\
                """, "Retry-After", "30")));
        out.add(status("http_504_gateway", "query_warehouse", "timeout", Reply.of(504, """
                <html><body><h1>504 Gateway Time-out</h1>
                The server didn't respond in time.
                </body></html>""")));
        out.add(status("http_429_github", "list_pull_requests", "rate_limited", Reply.of(429, """
                {"message":"API rate limit exceeded for installation ID 1234567.",\
                "documentation_url":"https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting"}""",
                "X-RateLimit-Limit", "5000", "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", "1719830400")));
        out.add(status("http_429_stripe", "create_charge", "rate_limited", Reply.of(429, """
                {"error": {"message": "Too many requests hit the API too quickly. We recommend an exponential \
                backoff of your requests.", "type": "rate_limit_error"}}""", "Retry-After", "2")));
        out.add(status("http_401_bearer_expired", "fetch_profile", "auth", Reply.of(401, """
                {"error":"invalid_token","error_description":"The access token expired"}""",
                "WWW-Authenticate", "Bearer realm=\"api\", error=\"invalid_token\", "
                        + "error_description=\"The access token expired\"")));
        out.add(status("http_401_bad_credentials", "list_repos", "auth", Reply.of(401, """
                {"message":"Bad credentials","documentation_url":"https://docs.github.com/rest"}""")));
        out.add(status("http_403_s3_access_denied", "read_bucket", "permission", Reply.of(403, """
                <?xml version="1.0" encoding="UTF-8"?>
                <Error><Code>AccessDenied</Code><Message>Access Denied</Message>\
                <RequestId>4442587FB7D0A2F9</RequestId></Error>""", "Content-Type", "application/xml")));
        out.add(status("http_403_integration", "merge_branch", "permission", Reply.of(403, """
                {"message":"Resource not accessible by integration",\
                "documentation_url":"https://docs.github.com/rest/pulls/pulls#merge-a-pull-request"}""")));
        out.add(status("http_404_drf", "get_order", "not_found", Reply.of(404, """
                {"detail": "Not found."}""")));
        out.add(status("http_410_gone", "fetch_legacy_feed", "not_found", Reply.of(410, """
                {"errors":[{"code":"gone","message":"This endpoint has been retired; use /v3/feed"}]}""")));
        out.add(status("http_400_stripe_param", "create_refund", "bad_request", Reply.of(400, """
                {"error": {"code": "parameter_missing", "doc_url": "https://stripe.com/docs/error-codes/parameter-missing",\
                 "message": "Missing required param: amount.", "param": "amount", "type": "invalid_request_error"}}""")));
        out.add(status("http_422_fastapi", "submit_lead", "bad_request", Reply.of(422, """
                {"detail":[{"type":"missing","loc":["body","email"],"msg":"Field required","input":{"name":"Ann"}}]}\
                """)));
        out.add(status("http_408_request_timeout", "upload_batch", "timeout", Reply.of(408, """
                <html><head><title>408 Request Time-out</title></head><body>Your browser didn't send a complete \
                request in time.</body></html>""")));
        out.add(status("http_500_body_says_refused", "price_quote", "dependency_5xx", Reply.of(500, """
                {"error":"could not connect to database: dial tcp 10.0.3.7:5432: connect: connection refused"}""")));
        out.add(status("http_400_graphql", "query_catalog", "bad_request", Reply.of(400, """
                {"errors":[{"message":"Syntax Error: Expected Name, found <EOF>.","locations":[{"line":1,\
                "column":24}],"extensions":{"code":"GRAPHQL_PARSE_FAILED"}}]}""")));
        out.add(Scenario.of("http_step_after_ok_fails_on_body", "http", "not_found", "get_invoice",
                chain("http_step_after_ok_fails_on_body",
                        step("list_invoices", http("GET", "{{ workload.api }}/ok")),
                        step("get_invoice", route("http_step_after_ok_fails_on_body")),
                        step("archive", Playbooks.noop())))
                .withReplies(Reply.of(404, "{\"code\":\"resource_missing\",\"message\":\"No such invoice: "
                        + "'in_1PXk2h'\"}")));
        more(out);
        return out;
    }

    private static void more(List<Scenario> out) {
        out.add(Scenario.of("http_tls_to_plain_port", "http", "connection", "fetch_secure_feed",
                around("http_tls_to_plain_port", step("fetch_secure_feed",
                        http("GET", "{{ workload.plain_text_https }}/v1/feed")))));
        out.add(Scenario.of("http_tool_timeout_setting", "http", "timeout", "call_scoring",
                around("http_tool_timeout_setting", step("call_scoring",
                        route("http_tool_timeout_setting") + "  timeout: 500ms\n")))
                .withReplies(Reply.ok().after(3000)));
        out.add(status("http_401_basic_realm", "pull_metrics", "auth", Reply.of(401, "",
                "WWW-Authenticate", "Basic realm=\"Restricted\"")));
        out.add(status("http_403_cloudflare", "scrape_listing", "permission", Reply.of(403, """
                <!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head><body>
                <h1>Sorry, you have been blocked</h1><h2>You are unable to access example-shop.com</h2></body></html>\
                """)));
        out.add(status("http_404_nginx_html", "download_dump", "not_found", Reply.of(404, """
                <html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found</h1></center>\
                <hr><center>nginx</center></body></html>""")));
        out.add(status("http_405_method", "delete_draft", "bad_request", Reply.of(405, """
                {"type":"about:blank","title":"Method Not Allowed","status":405,\
                "detail":"Method 'GET' is not supported.","instance":"/api/drafts/9"}""", "Allow", "POST, PUT")));
        out.add(status("http_409_conflict", "create_index", "bad_request", Reply.of(409, """
                {"error":{"type":"resource_already_exists_exception","reason":"index [orders_v2/3kDx] already exists"},\
                "status":409}""")));
        out.add(status("http_413_payload", "upload_events", "bad_request", Reply.of(413, """
                <html><head><title>413 Request Entity Too Large</title></head><body>\
                <center><h1>413 Request Entity Too Large</h1></center></body></html>""")));
        out.add(status("http_422_github_validation", "open_issue", "bad_request", Reply.of(422, """
                {"message":"Validation Failed","errors":[{"resource":"Issue","code":"missing_field","field":"title"}],\
                "documentation_url":"https://docs.github.com/rest/issues/issues#create-an-issue"}""")));
        out.add(status("http_500_rails", "sync_subscriptions", "dependency_5xx", Reply.of(500, """
                <!DOCTYPE html><html><head><title>We're sorry, but something went wrong (500)</title></head>\
                <body><div class="dialog"><h1>We're sorry, but something went wrong.</h1></div></body></html>""")));
        out.add(status("http_503_maintenance", "fetch_catalog", "dependency_5xx", Reply.of(503, """
                {"status":"maintenance","message":"Scheduled maintenance until 04:00 UTC"}""", "Retry-After", "3600")));
        out.add(status("http_520_cloudflare", "poll_partner", "dependency_5xx", Reply.of(520, """
                <html><head><title>example.com | 520: Web server is returning an unknown error</title></head></html>\
                """)));
        out.add(status("http_429_empty_body", "enumerate_users", "rate_limited", Reply.of(429, "",
                "Retry-After", "60")));
        out.add(status("http_503_body_says_timeout", "lookup_tax", "dependency_5xx", Reply.of(503,
                "upstream request timeout")));
        out.add(Scenario.of("http_loop_item_not_found", "http", "not_found", "fetch_each_store",
                chain("http_loop_item_not_found", step("list_stores",
                                Playbooks.python("result = {\"stores\": [\"berlin\", \"paris\", \"oslo\"]}")),
                        step("fetch_each_store", route("http_loop_item_not_found")
                                + "loop:\n  in: \"{{ list_stores.stores }}\"\n  iterator: store\n"
                                + "  spec:\n    mode: sequential\n"),
                        step("report", Playbooks.noop())))
                .withReplies(Reply.ok(), Reply.ok(), Reply.of(404, "{\"error\": \"store oslo not found\"}")));
    }

    private static Scenario status(String name, String step, String expected, Reply reply) {
        return Scenario.of(name, "http", expected, step, around(name, step(step, route(name)))).withReplies(reply);
    }
}
