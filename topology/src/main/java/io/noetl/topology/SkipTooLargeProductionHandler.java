package io.noetl.topology;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Production error policy of the topology: a record the broker refuses as too large is logged with its topic and
 * size and skipped (a retry cannot help, and failing would stop the stream thread again after every restart); every
 * other error fails, so the exactly-once transaction aborts and the input is processed again.
 */
public final class SkipTooLargeProductionHandler implements ProductionExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SkipTooLargeProductionHandler.class);

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
            Exception exception) {
        if (exception instanceof RecordTooLargeException) {
            LOG.error("skipping a record of {} bytes for {} (key {}): {}", record.value() == null ? 0
                    : record.value().length, record.topic(), record.key() == null ? null
                    : new String(record.key(), java.nio.charset.StandardCharsets.UTF_8), exception.getMessage());
            return Response.resume();
        }
        return Response.fail();
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
