package io.noetl.topology.template;

import io.noetl.schemas.error.ErrorClassifier;
import io.noetl.schemas.error.ErrorEvidence;
import io.noetl.schemas.event.ErrorInfo;
import io.noetl.schemas.stream.NormalizedEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills {@code error_class}, {@code template_id} and {@code template} of events that carry an error. The class is the
 * producer's when it gave one, else the {@link ErrorClassifier}'s (type, message, HTTP status, tool kind, stack or
 * log tail); the template comes from a {@link TemplateMiner} per stream task, fed
 * the first line of the error message (at most {@value #MAX_MINED_CHARS} characters: the shape of an error is in
 * its head, and mining cost stays bounded).
 *
 * <p><b>Ids consistent across partitions and restarts.</b> The published template id is a pure function of the
 * template text ({@link TemplateIds}, SHA-256 of the masked template), not of the miner's history: the same
 * template gives the same id in every task, on every instance, before and after a restart, with no coordination and
 * no extra hop. Routing every error through one repartition key would give one global miner, but at the price of a
 * single-partition bottleneck and two extra topic round trips (there and back to execution-id partitioning for the
 * traces). What per-task miners cannot promise is that two tasks have generalized a template equally far at a given
 * moment; they converge as each sees the variants.
 *
 * <p><b>Aliases.</b> When a cluster's template generalizes (or it is folded into another), its id changes; the old
 * id is recorded in the alias store so it keeps answering ({@link #resolve}). The alias table is bounded to
 * {@value #ALIASES_PER_TEMPLATE} times the template cap, oldest dropped first.
 *
 * <p><b>State.</b> Every cluster the miner creates or changes is written to the cluster store and removed ones
 * deleted, so {@link #init} rebuilds the miner exactly as it was (changelogged: also after a move to another
 * instance). Live clusters are capped at the template cap, least recently used evicted.
 */
public final class TemplateProcessor implements FixedKeyProcessor<String, NormalizedEvent, NormalizedEvent> {

    /** Characters of the first message line fed to the miner. */
    public static final int MAX_MINED_CHARS = 512;
    static final int ALIASES_PER_TEMPLATE = 4;
    private static final int MAX_ALIAS_HOPS = 16;
    private static final Logger LOG = LoggerFactory.getLogger(TemplateProcessor.class);

    private final String clusterStoreName;
    private final String aliasStoreName;
    private final int maxTemplates;
    private final ErrorClassifier classifier = ErrorClassifier.standard();
    private final Map<String, String> published = new HashMap<>();
    private final LinkedHashSet<String> aliasOrder = new LinkedHashSet<>();
    private FixedKeyProcessorContext<String, NormalizedEvent> context;
    private KeyValueStore<String, byte[]> clusters;
    private KeyValueStore<String, String> aliases;
    private TemplateMiner miner;

    public TemplateProcessor(String clusterStoreName, String aliasStoreName, int maxTemplates) {
        this.clusterStoreName = clusterStoreName;
        this.aliasStoreName = aliasStoreName;
        this.maxTemplates = maxTemplates;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, NormalizedEvent> context) {
        this.context = context;
        this.clusters = context.getStateStore(clusterStoreName);
        this.aliases = context.getStateStore(aliasStoreName);
        this.miner = TemplateMiner.bounded(maxTemplates);
        List<ClusterSnapshot> snapshots = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = clusters.all()) {
            while (it.hasNext()) {
                snapshots.add(ClusterCodec.decode(it.next().value));
            }
        }
        miner.restore(snapshots);
        for (ClusterSnapshot s : snapshots) {
            published.put(s.id(), TemplateIds.of(miner.template(s.id())));
        }
        try (KeyValueIterator<String, String> it = aliases.all()) {
            it.forEachRemaining(kv -> aliasOrder.add(kv.key));
        }
        LOG.debug("task {}: template miner restored with {} clusters and {} aliases", context.taskId(),
                snapshots.size(), aliasOrder.size());
    }

    @Override
    public void process(FixedKeyRecord<String, NormalizedEvent> record) {
        NormalizedEvent e = record.value();
        ErrorInfo error = e.error();
        if (error == null) {
            context.forward(record);
            return;
        }
        String errorClass = e.errorClass() != null ? e.errorClass() : classifier.classify(evidence(e)).wireName();
        String head = head(error.message());
        if (head == null) {
            context.forward(record.withValue(with(e, errorClass, null, null)));
            return;
        }
        MinedTemplate mined = miner.mine(head);
        persist(miner.drainChanges());
        context.forward(record.withValue(with(e, errorClass, TemplateIds.of(mined.template()), mined.template())));
    }

    /**
     * The current id for a template id once published: follows the alias table.
     *
     * @return the id it now answers to (the same id when it never changed)
     */
    public static String resolve(ReadOnlyKeyValueStore<String, String> aliases, String templateId) {
        String id = templateId;
        for (int hop = 0; hop < MAX_ALIAS_HOPS; hop++) {
            String next = aliases.get(id);
            if (next == null || next.equals(id)) {
                return id;
            }
            id = next;
        }
        return id;
    }

    private void persist(TemplateMiner.Changes changes) {
        for (String id : changes.changed()) {
            ClusterSnapshot s = miner.snapshot(id);
            clusters.put(id, ClusterCodec.encode(s));
            String now = TemplateIds.of(miner.template(id));
            String before = published.put(id, now);
            alias(before, now);
        }
        for (String id : changes.removed()) {
            clusters.delete(id);
            String before = published.remove(id);
            String survivor = miner.resolve(id);
            if (!survivor.equals(id)) {
                alias(before, published.get(survivor));
            }
        }
    }

    private void alias(String from, String to) {
        if (from == null || to == null || from.equals(to)) {
            return;
        }
        aliases.put(from, to);
        aliasOrder.remove(from);
        aliasOrder.add(from);
        Iterator<String> oldest = aliasOrder.iterator();
        while (aliasOrder.size() > (long) ALIASES_PER_TEMPLATE * maxTemplates && oldest.hasNext()) {
            aliases.delete(oldest.next());
            oldest.remove();
        }
    }

    /** What the event tells about its error: type, message, the HTTP status in its meta, tool, stack or logs. */
    static ErrorEvidence evidence(NormalizedEvent e) {
        ErrorInfo error = e.error();
        Object status = e.meta() == null ? null : e.meta().get("http_status");
        Integer httpStatus = status instanceof Number n ? Integer.valueOf(n.intValue()) : null;
        String detail = error.stack() != null ? error.stack() : e.logs();
        return new ErrorEvidence(error.type(), error.message(), httpStatus, e.toolKind(), detail);
    }

    /** First non-blank line, cut to {@link #MAX_MINED_CHARS}; null when there is none. */
    static String head(String message) {
        if (message == null) {
            return null;
        }
        for (String line : message.split("\\R", 8)) {
            String t = line.strip();
            if (!t.isEmpty()) {
                return t.length() > MAX_MINED_CHARS ? t.substring(0, MAX_MINED_CHARS) : t;
            }
        }
        return null;
    }

    static NormalizedEvent with(NormalizedEvent e, String errorClass, String templateId, String template) {
        return new NormalizedEvent(e.eventId(), e.executionId(), e.parentExecutionId(), e.parentEventId(),
                e.commandId(), e.playbookPath(), e.playbookVersion(), e.step(), e.toolKind(), e.eventType(), e.kind(),
                e.status(), e.timestamp(), e.ingestedAt(), e.durationMs(), e.attempt(), e.workerId(), e.result(),
                e.error(), e.logs(), e.meta(), errorClass, templateId, template, e.truncated());
    }
}
