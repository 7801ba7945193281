package io.noetl.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StreamConfiguration;
import io.noetl.schemas.Names;
import io.noetl.schemas.nats.JetStreamSetup;
import io.noetl.schemas.nats.NatsConnections;
import io.noetl.schemas.wire.WireLayout;
import io.noetl.testkit.NatsTestServer;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JetStreamSetupIT {

    @Test
    @DisplayName("every stream and bucket is created as the layout says, and a second run changes nothing")
    void createsTheLayoutIdempotently() throws Exception {
        Names names = TestServer.uniqueNames("layout");
        try (Connection nc = NatsConnections.connect(NatsTestServer.shared().url(), "layout-it")) {
            JetStreamSetup.ensure(nc, names);
            JetStreamSetup.ensure(nc, names);
            JetStreamManagement jsm = nc.jetStreamManagement();
            StreamConfiguration commands = jsm.getStreamInfo(names.commandsStream()).getConfiguration();
            assertThat(commands.getRetentionPolicy()).isEqualTo(RetentionPolicy.WorkQueue);
            assertThat(commands.getSubjects()).containsExactly(names.commandsWildcard());
            assertThat(jsm.getStreamInfo(names.eventsStream()).getConfiguration().getMaxAge()).isZero();
            assertThat(jsm.getStreamInfo(names.alertsStream()).getConfiguration().getMaxAge())
                    .isEqualTo(WireLayout.ALERTS_MAX_AGE);
            for (String bucket : WireLayout.buckets(names)) {
                assertThat(nc.keyValueManagement().getStatus(bucket).getBucketName()).isEqualTo(bucket);
            }
        }
    }

    @Test
    @DisplayName("an alerts stream made differently by an older start is brought to the layout's max age")
    void existingStreamIsUpdatedToTheSpec() throws Exception {
        Names names = TestServer.uniqueNames("alertsage");
        try (Connection nc = NatsConnections.connect(NatsTestServer.shared().url(), "layout-it")) {
            JetStreamManagement jsm = nc.jetStreamManagement();
            jsm.addStream(StreamConfiguration.builder().name(names.alertsStream()).subjects(names.alertsWildcard())
                    .maxAge(Duration.ofMinutes(5)).build());
            JetStreamSetup.ensureStream(jsm, WireLayout.alerts(names));
            assertThat(jsm.getStreamInfo(names.alertsStream()).getConfiguration().getMaxAge())
                    .isEqualTo(Duration.ofDays(7));
        }
    }
}
