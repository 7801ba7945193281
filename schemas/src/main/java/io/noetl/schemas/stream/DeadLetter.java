package io.noetl.schemas.stream;

import java.time.Instant;

/**
 * A record the topology could not accept, on {@code noetl.events.dlq}: why, and the original bytes
 * (base64 on the wire) so nothing is lost.
 *
 * @param reason        what is wrong, naming the field or the parse error
 * @param sourceTopic   topic the record came from
 * @param partition     its partition
 * @param offset        its offset
 * @param originalBytes the record value exactly as read (possibly cut to a bound; see {@code originalSize})
 * @param originalSize  length in bytes of the original value
 */
public record DeadLetter(
        String reason,
        String sourceTopic,
        int partition,
        long offset,
        Instant failedAt,
        byte[] originalBytes,
        int originalSize) {
}
