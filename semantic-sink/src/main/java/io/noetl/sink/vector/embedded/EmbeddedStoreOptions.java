package io.noetl.sink.vector.embedded;

import java.nio.file.Path;

/**
 * Settings of the {@link EmbeddedVectorStore}.
 *
 * @param root            folder holding one sub-folder per collection; created when missing
 * @param maxConn         HNSW neighbours per node (Lucene's default 16); more gives better recall, slower indexing
 * @param beamWidth       HNSW candidates considered while inserting (Lucene's default 100)
 * @param candidates      nearest neighbours the graph search collects before the best {@code limit} are kept
 *                        (the search's beam); at least the limit asked for is always collected
 * @param ramBufferMb     indexing buffer before a segment is written; larger means fewer segments to merge
 * @param maxPayloadBytes largest payload accepted
 */
public record EmbeddedStoreOptions(Path root, int maxConn, int beamWidth, int candidates, double ramBufferMb,
        int maxPayloadBytes) {

    /** HNSW neighbours per node. */
    public static final int DEFAULT_MAX_CONN = 16;
    /** HNSW insertion beam. */
    public static final int DEFAULT_BEAM_WIDTH = 100;
    /**
     * Candidates collected per search: 100 gave recall@10 0.94 on 200,000 clustered error vectors (many near
     * duplicates per template), 200 gave 0.96 for ~0.3 ms more at the median.
     */
    public static final int DEFAULT_CANDIDATES = 200;
    /** Indexing buffer, MB. */
    public static final double DEFAULT_RAM_BUFFER_MB = 256;
    /** Largest payload, bytes. */
    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 64 * 1024;

    public EmbeddedStoreOptions {
        if (root == null) {
            throw new IllegalArgumentException("embedded vector store root folder must not be null");
        }
        if (maxConn < 2 || maxConn > 512) {
            throw new IllegalArgumentException("maxConn must be 2..512, got " + maxConn);
        }
        if (beamWidth < 1 || beamWidth > 3200) {
            throw new IllegalArgumentException("beamWidth must be 1..3200, got " + beamWidth);
        }
        if (candidates < 1 || candidates > 10_000) {
            throw new IllegalArgumentException("candidates must be 1..10000, got " + candidates);
        }
        if (ramBufferMb < 1 || ramBufferMb > 2047) {
            throw new IllegalArgumentException("ramBufferMb must be 1..2047, got " + ramBufferMb);
        }
        if (maxPayloadBytes < 256) {
            throw new IllegalArgumentException("maxPayloadBytes must be at least 256, got " + maxPayloadBytes);
        }
    }

    /** Defaults under {@code root}. */
    public static EmbeddedStoreOptions defaults(Path root) {
        return new EmbeddedStoreOptions(root, DEFAULT_MAX_CONN, DEFAULT_BEAM_WIDTH, DEFAULT_CANDIDATES,
                DEFAULT_RAM_BUFFER_MB, DEFAULT_MAX_PAYLOAD_BYTES);
    }

    public EmbeddedStoreOptions withCandidates(int v) {
        return new EmbeddedStoreOptions(root, maxConn, beamWidth, v, ramBufferMb, maxPayloadBytes);
    }

    public EmbeddedStoreOptions withGraph(int newMaxConn, int newBeamWidth) {
        return new EmbeddedStoreOptions(root, newMaxConn, newBeamWidth, candidates, ramBufferMb, maxPayloadBytes);
    }

    public EmbeddedStoreOptions withRamBufferMb(double v) {
        return new EmbeddedStoreOptions(root, maxConn, beamWidth, candidates, v, maxPayloadBytes);
    }

    public EmbeddedStoreOptions withMaxPayloadBytes(int v) {
        return new EmbeddedStoreOptions(root, maxConn, beamWidth, candidates, ramBufferMb, v);
    }
}
