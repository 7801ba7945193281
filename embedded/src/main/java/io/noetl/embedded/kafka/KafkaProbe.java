package io.noetl.embedded.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** Whether a Kafka cluster answers at a bootstrap address: {@code describeCluster} names at least one node. */
public final class KafkaProbe {

    private KafkaProbe() {
    }

    /** An admin client whose requests give up after {@code timeout} and that reconnects quickly. */
    public static Admin admin(String bootstrapServers, Duration timeout) {
        int millis = (int) Math.max(100, timeout.toMillis());
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis,
                AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 50,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200,
                AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 50));
    }

    /** True when a cluster at {@code bootstrapServers} describes itself within {@code timeout}. */
    public static boolean answers(String bootstrapServers, Duration timeout) {
        try (Admin admin = admin(bootstrapServers, timeout)) {
            return answers(admin, timeout);
        }
    }

    /** True when the cluster of {@code admin} describes itself within {@code timeout}. */
    public static boolean answers(Admin admin, Duration timeout) {
        try {
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()))
                    .nodes().get(timeout.toMillis() + 500, TimeUnit.MILLISECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
