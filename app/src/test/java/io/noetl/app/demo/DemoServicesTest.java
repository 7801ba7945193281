package io.noetl.app.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DemoServicesTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private DemoServices services;

    @BeforeEach
    void start() {
        services = DemoServices.start();
    }

    @AfterEach
    void stop() {
        services.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(services.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void flakyAnswers503Then429Then200PerClient() throws Exception {
        assertThat(get("/flaky?client=a").statusCode()).isEqualTo(503);
        assertThat(get("/flaky?client=a").statusCode()).isEqualTo(429);
        HttpResponse<String> ok = get("/flaky?client=a");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"orders\"");
        assertThat(get("/flaky?client=b").statusCode()).as("a new client starts the pattern again").isEqualTo(503);
        assertThat(services.flakyCalls("a")).isEqualTo(3);
    }

    @Test
    void approvalServiceRecordsRequests() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(services.baseUrl() + "/requests"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"callback_url\":\"http://x/cb\",\"issue\":\"low\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(services.approvalRequests()).hasSize(1);
        assertThat(services.approvalRequests().get(0).path("callback_url").asText()).isEqualTo("http://x/cb");
    }

    @Test
    @DisplayName("the quote API answers at once until a delay is set, then after that delay")
    void quotesAnswerAfterTheConfiguredDelay() throws Exception {
        HttpResponse<String> fast = get("/quotes?symbol=NOETL");
        assertThat(fast.statusCode()).isEqualTo(200);
        assertThat(fast.body()).contains("\"symbol\":\"NOETL\"");

        services.quoteDelay(Duration.ofMillis(300));
        long t0 = System.nanoTime();
        assertThat(get("/quotes").statusCode()).isEqualTo(200);
        long slowMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(slowMs).isGreaterThanOrEqualTo(300);
        assertThat(services.quoteCalls()).isEqualTo(2);
        assertThatThrownBy(() -> services.quoteDelay(Duration.ofMillis(-1))).hasMessageContaining("quote delay");
    }
}
