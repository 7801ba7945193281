package io.noetl.worker;

import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamApiException;
import io.nats.client.Nats;
import io.nats.client.PublishOptions;
import io.nats.client.StreamContext;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.noetl.schemas.Json;
import io.noetl.schemas.Names;
import io.noetl.schemas.command.Command;
import io.noetl.schemas.event.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Creates the two streams as the server would, publishes commands and reads events back, for ITs. */
public final class Streams implements AutoCloseable {

    private final Connection nc;
    private final Names names;

    public Streams(String url, Names names) throws Exception {
        this.nc = Nats.connect(url);
        this.names = names;
        JetStreamManagement jsm = nc.jetStreamManagement();
        jsm.addStream(StreamConfiguration.builder().name(names.commandsStream())
                .subjects(names.commandsWildcard()).retentionPolicy(RetentionPolicy.WorkQueue)
                .storageType(StorageType.File).duplicateWindow(Duration.ofMinutes(2)).build());
        jsm.addStream(StreamConfiguration.builder().name(names.eventsStream())
                .subjects(names.eventsWildcard()).retentionPolicy(RetentionPolicy.Limits)
                .storageType(StorageType.File).duplicateWindow(Duration.ofMinutes(2)).build());
    }

    public Connection connection() {
        return nc;
    }

    public void publish(Command command) throws Exception {
        nc.jetStream().publish(names.commands(command.pool()), Json.bytes(command),
                PublishOptions.builder().messageId(command.natsMsgId()).build());
    }

    public void publishRaw(String pool, byte[] data) throws Exception {
        nc.jetStream().publish(names.commands(pool), data);
    }

    /** The messages of an execution's events, read from the stream until {@code done} holds or the timeout. */
    public List<MessageInfo> eventMessages(String executionId, Predicate<List<Event>> done, Duration timeout)
            throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<MessageInfo> msgs = readAll(executionId);
            List<Event> events = msgs.stream().map(m -> Json.read(m.getData(), Event.class)).toList();
            if (done.test(events) || System.nanoTime() > deadline) {
                return msgs;
            }
            Thread.sleep(50);
        }
    }

    public List<Event> events(String executionId, Predicate<List<Event>> done, Duration timeout) throws Exception {
        return eventMessages(executionId, done, timeout).stream().map(m -> Json.read(m.getData(), Event.class)).toList();
    }

    private List<MessageInfo> readAll(String executionId) throws Exception {
        StreamContext stream = nc.getStreamContext(names.eventsStream());
        List<MessageInfo> out = new ArrayList<>();
        long seq = 1;
        while (true) {
            try {
                MessageInfo m = stream.getNextMessage(seq, names.events(executionId));
                out.add(m);
                seq = m.getSeq() + 1;
            } catch (JetStreamApiException noMore) {
                return out;
            }
        }
    }

    /** Messages still waiting in the commands stream. */
    public long pendingCommands() throws Exception {
        return nc.jetStreamManagement().getStreamInfo(names.commandsStream()).getStreamState().getMsgCount();
    }

    @Override
    public void close() throws InterruptedException {
        nc.close();
    }
}
