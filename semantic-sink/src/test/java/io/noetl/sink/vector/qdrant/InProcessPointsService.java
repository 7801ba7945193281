package io.noetl.sink.vector.qdrant;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.CountPoints;
import io.qdrant.client.grpc.Points.CountResponse;
import io.qdrant.client.grpc.Points.CountResult;
import io.qdrant.client.grpc.Points.CreateFieldIndexCollection;
import io.qdrant.client.grpc.Points.DeletePoints;
import io.qdrant.client.grpc.Points.GetPoints;
import io.qdrant.client.grpc.Points.GetResponse;
import io.qdrant.client.grpc.Points.PointsOperationResponse;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.QueryResponse;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.SearchPoints;
import io.qdrant.client.grpc.Points.SearchResponse;
import io.qdrant.client.grpc.Points.UpdateResult;
import io.qdrant.client.grpc.Points.UpdateStatus;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.Points.VectorInput;
import io.qdrant.client.grpc.Points.WithPayloadSelector;
import io.qdrant.client.grpc.PointsGrpc;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Qdrant's {@code Points} service over a {@link QdrantMemory}: writes apply before the answer (so {@code wait=true}
 * holds, and {@code wait=false} answers {@code Acknowledged} for a change that is already visible); searches are
 * exact.
 */
final class InProcessPointsService extends PointsGrpc.PointsImplBase {

    private static final int DEFAULT_LIMIT = 10;

    private final QdrantMemory memory;
    private final AtomicLong operations = new AtomicLong();

    InProcessPointsService(QdrantMemory memory) {
        this.memory = memory;
    }

    @Override
    public void upsert(UpsertPoints request, StreamObserver<PointsOperationResponse> out) {
        Rpc.answer(out, () -> {
            memory.upsert(request.getCollectionName(), request.getPointsList());
            return done(request.hasWait() && request.getWait());
        });
    }

    @Override
    public void delete(DeletePoints request, StreamObserver<PointsOperationResponse> out) {
        Rpc.answer(out, () -> {
            switch (request.getPoints().getPointsSelectorOneOfCase()) {
                case POINTS -> memory.deleteIds(request.getCollectionName(),
                        request.getPoints().getPoints().getIdsList().stream().map(QdrantWire::id).toList());
                case FILTER -> memory.deleteMatching(request.getCollectionName(), request.getPoints().getFilter());
                default -> throw QdrantMemory.invalid("Validation error: points selector is empty");
            }
            return done(request.hasWait() && request.getWait());
        });
    }

    @Override
    public void createFieldIndex(CreateFieldIndexCollection request, StreamObserver<PointsOperationResponse> out) {
        Rpc.answer(out, () -> {
            if (!request.hasFieldType()) {
                throw QdrantMemory.invalid("Wrong input: field_type is required for index on "
                        + request.getFieldName());
            }
            memory.index(request.getCollectionName(), request.getFieldName(),
                    request.getFieldType().name().substring("FieldType".length()));
            return done(request.hasWait() && request.getWait());
        });
    }

    @Override
    public void get(GetPoints request, StreamObserver<GetResponse> out) {
        Rpc.answer(out, () -> {
            boolean withVectors = request.hasWithVectors() && request.getWithVectors().getEnable();
            GetResponse.Builder b = GetResponse.newBuilder();
            for (QdrantMemory.StoredPoint p : memory.get(request.getCollectionName(),
                    request.getIdsList().stream().map(QdrantWire::id).toList())) {
                RetrievedPoint.Builder r = RetrievedPoint.newBuilder().setId(QdrantWire.pointId(p.id()))
                        .putAllPayload(payload(request.hasWithPayload() ? request.getWithPayload() : null, p));
                if (withVectors) {
                    r.setVectors(QdrantWire.vectorsOutput(p.vector()));
                }
                b.addResult(r);
            }
            return b.build();
        });
    }

    @Override
    public void count(CountPoints request, StreamObserver<CountResponse> out) {
        Rpc.answer(out, () -> CountResponse.newBuilder().setResult(CountResult.newBuilder()
                .setCount(memory.count(request.getCollectionName(),
                        request.hasFilter() ? request.getFilter() : null)))
                .build());
    }

    @Override
    public void search(SearchPoints request, StreamObserver<SearchResponse> out) {
        Rpc.answer(out, () -> {
            if (request.hasVectorName() && !request.getVectorName().isEmpty()) {
                throw QdrantMemory.invalid("Wrong input: Not existing vector name error: " + request.getVectorName());
            }
            List<ScoredPoint> hits = search(request.getCollectionName(), QdrantWire.floats(request.getVectorList()),
                    request.hasFilter() ? request.getFilter() : null, (int) request.getLimit(),
                    request.hasOffset() ? (int) request.getOffset() : 0,
                    request.hasScoreThreshold() ? Optional.of(request.getScoreThreshold()) : Optional.empty(),
                    request.hasWithPayload() ? request.getWithPayload() : null,
                    request.hasWithVectors() && request.getWithVectors().getEnable());
            return SearchResponse.newBuilder().addAllResult(hits).build();
        });
    }

    @Override
    public void query(QueryPoints request, StreamObserver<QueryResponse> out) {
        Rpc.answer(out, () -> {
            if (request.getPrefetchCount() > 0 || !request.hasQuery() || !request.getQuery().hasNearest()) {
                throw Status.UNIMPLEMENTED.withDescription("this server answers nearest-vector queries only")
                        .asRuntimeException();
            }
            if (request.hasUsing() && !request.getUsing().isEmpty()) {
                throw QdrantMemory.invalid("Wrong input: Not existing vector name error: " + request.getUsing());
            }
            List<ScoredPoint> hits = search(request.getCollectionName(),
                    queryVector(request.getCollectionName(), request.getQuery().getNearest()),
                    request.hasFilter() ? request.getFilter() : null,
                    request.hasLimit() ? (int) request.getLimit() : DEFAULT_LIMIT,
                    request.hasOffset() ? (int) request.getOffset() : 0,
                    request.hasScoreThreshold() ? Optional.of(request.getScoreThreshold()) : Optional.empty(),
                    request.hasWithPayload() ? request.getWithPayload() : null,
                    request.hasWithVectors() && request.getWithVectors().getEnable());
            return QueryResponse.newBuilder().addAllResult(hits).build();
        });
    }

    private float[] queryVector(String collection, VectorInput input) {
        return switch (input.getVariantCase()) {
            case DENSE -> QdrantWire.floats(input.getDense().getDataList());
            case ID -> memory.get(collection, List.of(QdrantWire.id(input.getId()))).stream().findFirst()
                    .orElseThrow(() -> Status.NOT_FOUND.withDescription("Not found: No point with id "
                            + QdrantWire.id(input.getId()) + " found").asRuntimeException())
                    .vector();
            default -> throw Status.UNIMPLEMENTED.withDescription("this server answers dense or point-id queries, not "
                    + input.getVariantCase()).asRuntimeException();
        };
    }

    private List<ScoredPoint> search(String collection, float[] vector, Filter filter, int limit, int offset,
            Optional<Float> threshold, WithPayloadSelector withPayload, boolean withVectors) {
        if (limit < 1) {
            throw QdrantMemory.invalid("Validation error in body: [limit: value " + limit
                    + " invalid, must be 1 or more]");
        }
        return memory.search(collection, vector, filter, limit, offset, threshold).stream().map(s -> {
            ScoredPoint.Builder b = ScoredPoint.newBuilder().setId(QdrantWire.pointId(s.point().id()))
                    .setScore(s.score()).putAllPayload(withPayload == null ? Map.of() : payload(withPayload,
                            s.point()));
            if (withVectors) {
                b.setVectors(QdrantWire.vectorsOutput(s.point().vector()));
            }
            return b.build();
        }).toList();
    }

    /** The payload a selector asks for; no selector on a retrieve means the whole payload, as in Qdrant. */
    private static Map<String, Value> payload(WithPayloadSelector selector, QdrantMemory.StoredPoint p) {
        if (selector == null) {
            return p.payload();
        }
        return switch (selector.getSelectorOptionsCase()) {
            case ENABLE -> selector.getEnable() ? p.payload() : Map.of();
            case INCLUDE -> {
                Map<String, Value> m = new HashMap<>();
                selector.getInclude().getFieldsList().forEach(f -> {
                    if (p.payload().containsKey(f)) {
                        m.put(f, p.payload().get(f));
                    }
                });
                yield m;
            }
            case EXCLUDE -> {
                Map<String, Value> m = new HashMap<>(p.payload());
                selector.getExclude().getFieldsList().forEach(m::remove);
                yield m;
            }
            default -> Map.of();
        };
    }

    private PointsOperationResponse done(boolean waited) {
        return PointsOperationResponse.newBuilder().setResult(UpdateResult.newBuilder()
                .setOperationId(operations.incrementAndGet())
                .setStatus(waited ? UpdateStatus.Completed : UpdateStatus.Acknowledged)).build();
    }
}
