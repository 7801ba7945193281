package io.noetl.topology.metrics;

import io.noetl.schemas.stream.NormalizedEvent;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-keys normalized events by step, once, for every per-step stage. Keeps the counted kinds ({@code task_end},
 * {@code error}, {@code retry}), turns each into a compact {@link StepEvent} keyed by its {@link StepKey}, sets the
 * record timestamp to the event's own {@code timestamp} (event time for windows downstream) and repartitions through
 * one internal topic ({@value #REPARTITION_NAME}). Share the result between stages:
 *
 * <pre>{@code
 * KStream<String, StepEvent> byStep = StepEvents.byStep(events);
 * StepMetricsStage.attachByStep(byStep, cfg);
 * AnomalyStage.attachByStep(byStep, cfg);
 * }</pre>
 *
 * <p>Call it at most once per topology (the repartition topic's name is fixed).
 */
public final class StepEvents {

    /** Name of the repartition (the internal topic is {@code <application.id>-step-events-repartition}). */
    public static final String REPARTITION_NAME = "step-events";

    private static final Logger LOG = LoggerFactory.getLogger(StepEvents.class);

    private StepEvents() {
    }

    /** The counted events of {@code events} (keyed by execution id), keyed by step key and repartitioned. */
    public static KStream<String, StepEvent> byStep(KStream<String, NormalizedEvent> events) {
        return events.process(ToStepEvent::new, Named.as("step-events-rekey"))
                .repartition(Repartitioned.with(Serdes.String(), StepEvent.serde()).withName(REPARTITION_NAME));
    }

    private static final class ToStepEvent implements Processor<String, NormalizedEvent, String, StepEvent> {

        private ProcessorContext<String, StepEvent> context;
        private long unattributed;

        @Override
        public void init(ProcessorContext<String, StepEvent> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, NormalizedEvent> record) {
            NormalizedEvent e = record.value();
            if (e == null) {
                return;
            }
            StepEvent se = StepEvent.of(e, record.timestamp());
            if (se == null) {
                return;
            }
            if (e.playbookPath() == null || e.step() == null || e.step().isEmpty()) {
                // the normalizer guarantees both for attempts; count and name it rather than fail the task
                if (unattributed++ % 10_000 == 0) {
                    LOG.warn("{} counted event(s) without playbook path or step skipped by step metrics, e.g. {}",
                            unattributed, e.eventId());
                }
                return;
            }
            // no headers: the internal topic carries only what the stages read
            context.forward(new Record<>(StepKey.of(e.playbookPath(), e.step()), se, se.timestampMs()));
        }
    }
}
