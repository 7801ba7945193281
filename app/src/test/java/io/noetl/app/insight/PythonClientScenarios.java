package io.noetl.app.insight;

import static io.noetl.app.insight.PythonScenarios.py;

import java.util.ArrayList;
import java.util.List;

/**
 * Python steps whose HTTP, cloud and messaging clients fail, phrased as those clients phrase it. The worker's interpreter has none of those libraries: a scenario defines an
 * exception class with the library's module, name and message and raises it as the library would.
 */
final class PythonClientScenarios {

    private PythonClientScenarios() {
    }

    static List<Scenario> all() {
        List<Scenario> out = new ArrayList<>();
        out.add(py("py_requests_connection_refused", "pull_crm_contacts", "connection", """
                class NewConnectionError(Exception):
                    __module__ = "urllib3.exceptions"
                class MaxRetryError(Exception):
                    __module__ = "urllib3.exceptions"
                class ConnectionError(Exception):
                    __module__ = "requests.exceptions"
                try:
                    try:
                        raise NewConnectionError("<urllib3.connection.HTTPConnection object at 0x7f9c2b1e0d90>: "
                            "Failed to establish a new connection: [Errno 111] Connection refused")
                    except NewConnectionError as e:
                        raise MaxRetryError("HTTPConnectionPool(host='crm.internal', port=8080): Max retries exceeded "
                            "with url: /api/contacts?page=1 (Caused by " + repr(e) + ")") from e
                except MaxRetryError as e:
                    raise ConnectionError(str(e)) from None
                """));
        out.add(py("py_requests_read_timeout", "download_rates", "timeout", """
                class ReadTimeout(Exception):
                    __module__ = "requests.exceptions"
                raise ReadTimeout("HTTPSConnectionPool(host='api.exchangerates.io', port=443): Read timed out. "
                                  "(read timeout=10)")
                """));
        out.add(py("py_httpx_connect_error_dns", "post_webhook", "connection", """
                class ConnectError(Exception):
                    __module__ = "httpx"
                raise ConnectError("[Errno -2] Name or service not known")
                """));
        out.add(py("py_httpx_pool_timeout", "fan_out_calls", "resource_exhausted", """
                class PoolTimeout(Exception):
                    __module__ = "httpx"
                raise PoolTimeout("Timed out while waiting for a connection from the pool (max_connections=10)")
                """));
        out.add(py("py_urllib3_name_resolution", "fetch_geo", "connection", """
                class NameResolutionError(Exception):
                    __module__ = "urllib3.exceptions"
                raise NameResolutionError("<urllib3.connection.HTTPSConnection object at 0x7f3c1a2b4e50>: Failed to "
                    "resolve 'geo.internal.example' ([Errno -3] Temporary failure in name resolution)")
                """));
        out.add(py("py_requests_ssl_verify", "call_partner", "connection", """
                class SSLError(Exception):
                    __module__ = "requests.exceptions"
                raise SSLError("HTTPSConnectionPool(host='partner.example.com', port=443): Max retries exceeded with "
                    "url: /v2/orders (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] "
                    "certificate verify failed: self-signed certificate in certificate chain (_ssl.c:1006)')))")
                """));
        out.add(py("py_requests_http_error_503", "refresh_catalog", "dependency_5xx", """
                class HTTPError(Exception):
                    __module__ = "requests.exceptions"
                raise HTTPError("503 Server Error: Service Unavailable for url: https://catalog.example.com/v1/items")
                """));
        out.add(py("py_requests_http_error_429", "enrich_leads", "rate_limited", """
                class HTTPError(Exception):
                    __module__ = "requests.exceptions"
                raise HTTPError("429 Client Error: Too Many Requests for url: https://api.clearbit.com/v2/people/find")
                """));
        out.add(py("py_requests_http_error_401", "sync_tickets", "auth", """
                class HTTPError(Exception):
                    __module__ = "requests.exceptions"
                raise HTTPError("401 Client Error: Unauthorized for url: https://acme.zendesk.com/api/v2/tickets.json")
                """));
        out.add(py("py_requests_http_error_404", "get_release", "not_found", """
                class HTTPError(Exception):
                    __module__ = "requests.exceptions"
                raise HTTPError("404 Client Error: Not Found for url: https://api.github.com/repos/acme/etl/releases/latest")
                """));
        out.add(py("py_botocore_access_denied", "read_s3_manifest", "permission", """
                class ClientError(Exception):
                    __module__ = "botocore.exceptions"
                raise ClientError("An error occurred (AccessDenied) when calling the GetObject operation: Access Denied")
                """));
        out.add(py("py_botocore_throttling", "describe_instances", "rate_limited", """
                class ClientError(Exception):
                    __module__ = "botocore.exceptions"
                raise ClientError("An error occurred (ThrottlingException) when calling the DescribeInstances "
                                  "operation (reached max retries: 4): Rate exceeded")
                """));
        out.add(py("py_botocore_no_such_key", "load_partition", "not_found", """
                class NoSuchKey(Exception):
                    __module__ = "botocore.errorfactory"
                raise NoSuchKey("An error occurred (NoSuchKey) when calling the GetObject operation: The specified "
                                "key does not exist.")
                """));
        out.add(py("py_botocore_expired_token", "list_buckets", "auth", """
                class ClientError(Exception):
                    __module__ = "botocore.exceptions"
                raise ClientError("An error occurred (ExpiredToken) when calling the ListBuckets operation: The "
                                  "provided token has expired.")
                """));
        out.add(py("py_botocore_no_credentials", "put_metrics", "auth", """
                class NoCredentialsError(Exception):
                    __module__ = "botocore.exceptions"
                raise NoCredentialsError("Unable to locate credentials")
                """));
        out.add(py("py_kafka_no_brokers", "publish_events", "connection", """
                class NoBrokersAvailable(Exception):
                    __module__ = "kafka.errors"
                raise NoBrokersAvailable("NoBrokersAvailable")
                """));
        out.add(py("py_openai_rate_limit", "summarize_tickets", "rate_limited", """
                class RateLimitError(Exception):
                    __module__ = "openai"
                raise RateLimitError("Error code: 429 - {'error': {'message': 'Rate limit reached for gpt-4o in "
                    "organization org-abc on tokens per min (TPM): Limit 30000, Used 29857, Requested 1200.', "
                    "'type': 'tokens', 'param': None, 'code': 'rate_limit_exceeded'}}")
                """));
        out.add(py("py_openai_bad_key", "classify_emails", "auth", """
                class AuthenticationError(Exception):
                    __module__ = "openai"
                raise AuthenticationError("Error code: 401 - {'error': {'message': 'Incorrect API key provided: "
                    "sk-proj-****abcd. You can find your API key at https://platform.openai.com/account/api-keys.', "
                    "'type': 'invalid_request_error', 'param': None, 'code': 'invalid_api_key'}}")
                """));
        out.add(py("py_google_forbidden", "query_bigquery", "permission", """
                class Forbidden(Exception):
                    __module__ = "google.api_core.exceptions"
                raise Forbidden("403 Access Denied: Table acme-prod:finance.ledger: User does not have permission "
                                "to query table acme-prod:finance.ledger, or perhaps it does not exist.")
                """));
        out.add(py("py_grpc_deadline", "score_model", "timeout", """
                class DeadlineExceeded(Exception):
                    __module__ = "google.api_core.exceptions"
                raise DeadlineExceeded("504 Deadline Exceeded")
                """));
        out.add(py("py_urllib_real_refused", "ping_collector", "connection", """
                import urllib.request
                urllib.request.urlopen(workload.closed_url + "/health", timeout=5)
                """));
        out.add(py("py_urllib_real_timeout", "poll_status", "timeout", """
                import urllib.request
                urllib.request.urlopen(workload.api + "/r/py_urllib_real_timeout", timeout=0.5).read()
                """).withReplies(FakeApi.Reply.ok().after(3000)));
        out.add(py("py_urllib_real_http_500", "trigger_job", "dependency_5xx", """
                import urllib.request
                urllib.request.urlopen(workload.api + "/r/py_urllib_real_http_500", timeout=5).read()
                """).withReplies(FakeApi.Reply.of(500, "{\"error\": \"internal\"}")));
        out.add(py("py_urllib_real_http_403", "export_report", "permission", """
                import urllib.request
                urllib.request.urlopen(workload.api + "/r/py_urllib_real_http_403", timeout=5).read()
                """).withReplies(FakeApi.Reply.of(403, "{\"error\": \"forbidden\"}")));
        out.add(py("py_custom_token_expired", "refresh_salesforce", "auth", """
                class SalesforceAuthError(Exception):
                    pass
                raise SalesforceAuthError("session expired or invalid: INVALID_SESSION_ID")
                """));
        out.add(py("py_custom_upstream_unavailable", "fetch_positions", "dependency_5xx", """
                class UpstreamUnavailable(Exception):
                    pass
                raise UpstreamUnavailable("positions service answered 503 Service Unavailable three times in a row")
                """));
        out.add(py("py_custom_export_deadline", "wait_for_export", "timeout", """
                class ExportNotReady(Exception):
                    pass
                raise ExportNotReady("export job 8812 did not finish within 300 seconds; gave up waiting")
                """));
            out.add(py("py_aiohttp_connector", "crawl_prices", "connection", """
                class ClientConnectorError(Exception):
                    __module__ = "aiohttp.client_exceptions"
                raise ClientConnectorError("Cannot connect to host prices.internal:443 ssl:default "
                                           "[Connect call failed ('10.0.4.12', 443)]")
                """));
        out.add(py("py_asyncio_timeout", "gather_quotes", "timeout", """
                import asyncio
                async def slow():
                    await asyncio.sleep(5)
                asyncio.run(asyncio.wait_for(slow(), timeout=0.2))
                """));
        out.add(py("py_subprocess_timeout_expired", "dump_database", "timeout", """
                import subprocess
                subprocess.run(["sleep", "5"], timeout=0.5)
                """));
        out.add(py("py_socket_gaierror_real", "resolve_endpoint", "connection", """
                import socket
                socket.getaddrinfo("ingest.eu-west.invalid", 443)
                """));
        out.add(py("py_connection_reset", "stream_changes", "connection", """
                import errno
                raise ConnectionResetError(errno.ECONNRESET, "Connection reset by peer")
                """));
        out.add(py("py_paramiko_auth", "fetch_sftp_drop", "auth", """
                class AuthenticationException(Exception):
                    __module__ = "paramiko.ssh_exception"
                raise AuthenticationException("Authentication failed.")
                """));
        out.add(py("py_google_refresh_error", "read_sheets", "auth", """
                class RefreshError(Exception):
                    __module__ = "google.auth.exceptions"
                raise RefreshError("invalid_grant: Token has been expired or revoked.")
                """));
        out.add(py("py_azure_container_missing", "list_blobs", "not_found", """
                class ResourceNotFoundError(Exception):
                    __module__ = "azure.core.exceptions"
                raise ResourceNotFoundError("The specified container does not exist.\\nRequestId:5d2f1c0e-901e\\n"
                                            "Time:2024-07-01T10:15:30.1234567Z\\nErrorCode:ContainerNotFound")
                """));
        out.add(py("py_azure_auth_failed", "upload_blob", "auth", """
                class ClientAuthenticationError(Exception):
                    __module__ = "azure.core.exceptions"
                raise ClientAuthenticationError("Server failed to authenticate the request. Make sure the value of "
                    "Authorization header is formed correctly including the signature.\\n"
                    "ErrorCode:AuthenticationFailed")
                """));
        out.add(py("py_kubernetes_forbidden", "scale_workers", "permission", """
                class ApiException(Exception):
                    __module__ = "kubernetes.client.exceptions"
                raise ApiException('(403)\\nReason: Forbidden\\nHTTP response body: {"kind":"Status","status":"Failure",'
                    '"message":"deployments.apps \\\\"etl-worker\\\\" is forbidden: User \\\\"system:serviceaccount:etl:'
                    'runner\\\\" cannot patch resource \\\\"deployments\\\\" in API group \\\\"apps\\\\" in the namespace '
                    '\\\\"prod\\\\"","reason":"Forbidden","code":403}')
                """));
        out.add(py("py_elasticsearch_index_missing", "search_logs", "not_found", """
                class NotFoundError(Exception):
                    __module__ = "elasticsearch"
                raise NotFoundError("NotFoundError(404, 'index_not_found_exception', 'no such index [logs-2024.07.01]', "
                                    "logs-2024.07.01, index_or_alias)")
                """));
        out.add(py("py_botocore_endpoint_connection", "put_object", "connection", """
                class EndpointConnectionError(Exception):
                    __module__ = "botocore.exceptions"
                raise EndpointConnectionError('Could not connect to the endpoint URL: '
                                              '"https://acme-raw.s3.eu-west-9.amazonaws.com/landing/orders.json"')
                """));
        out.add(py("py_botocore_slow_down", "copy_objects", "rate_limited", """
                class ClientError(Exception):
                    __module__ = "botocore.exceptions"
                raise ClientError("An error occurred (SlowDown) when calling the PutObject operation (reached max "
                                  "retries: 4): Please reduce your request rate.")
                """));
        out.add(py("py_botocore_internal_error", "start_query", "dependency_5xx", """
                class ClientError(Exception):
                    __module__ = "botocore.exceptions"
                raise ClientError("An error occurred (InternalError) when calling the StartQueryExecution operation: "
                                  "We encountered an internal error. Please try again.")
                """));
        out.add(py("py_botocore_throughput_exceeded", "write_items", "rate_limited", """
                class ProvisionedThroughputExceededException(Exception):
                    __module__ = "botocore.errorfactory"
                raise ProvisionedThroughputExceededException("An error occurred "
                    "(ProvisionedThroughputExceededException) when calling the BatchWriteItem operation (reached max "
                    "retries: 9): The level of configured provisioned throughput for the table was exceeded. Consider "
                    "increasing your provisioning level with the UpdateTable API.")
                """));
        out.add(py("py_botocore_read_timeout", "poll_athena", "timeout", """
                class ReadTimeoutError(Exception):
                    __module__ = "botocore.exceptions"
                raise ReadTimeoutError('Read timeout on endpoint URL: "https://athena.us-east-1.amazonaws.com/"')
                """));
        out.add(py("py_botocore_invalid_access_key", "list_exports", "auth", """
                class ClientError(Exception):
                    __module__ = "botocore.exceptions"
                raise ClientError("An error occurred (InvalidAccessKeyId) when calling the ListObjectsV2 operation: "
                                  "The AWS Access Key Id you provided does not exist in our records.")
                """));
        out.add(py("py_botocore_no_such_bucket", "sync_bucket", "not_found", """
                class NoSuchBucket(Exception):
                    __module__ = "botocore.errorfactory"
                raise NoSuchBucket("An error occurred (NoSuchBucket) when calling the ListObjectsV2 operation: The "
                                   "specified bucket does not exist")
                """));
        out.add(py("py_botocore_unauthorized_operation", "launch_spot", "permission", """
                class ClientError(Exception):
                    __module__ = "botocore.exceptions"
                raise ClientError("An error occurred (UnauthorizedOperation) when calling the RunInstances operation: "
                                  "You are not authorized to perform this operation.")
                """));
        return out;
    }
}
