package io.noetl.sink.vector.qdrant;

import io.noetl.stores.vector.SearchHit;
import io.noetl.stores.vector.SearchRequest;
import io.noetl.stores.vector.VectorPoint;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points.DeletePoints;
import io.qdrant.client.grpc.Points.DenseVector;
import io.qdrant.client.grpc.Points.GetPoints;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.PointsIdsList;
import io.qdrant.client.grpc.Points.PointsSelector;
import io.qdrant.client.grpc.Points.Query;
import io.qdrant.client.grpc.Points.QueryPoints;
import io.qdrant.client.grpc.Points.RetrievedPoint;
import io.qdrant.client.grpc.Points.ScoredPoint;
import io.qdrant.client.grpc.Points.UpsertPoints;
import io.qdrant.client.grpc.Points.Vector;
import io.qdrant.client.grpc.Points.VectorInput;
import io.qdrant.client.grpc.Points.VectorOutput;
import io.qdrant.client.grpc.Points.Vectors;
import io.qdrant.client.grpc.Points.WithPayloadSelector;
import io.qdrant.client.grpc.Points.WithVectorsSelector;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * How points, queries and their answers map to Qdrant's requests and back: a point's id is its UUID, its vector one
 * unnamed dense vector (already a unit vector), its payload as {@link QdrantPayloads} lays it out. Writes ask for
 * {@code wait=true}.
 */
final class QdrantPoints {

    private QdrantPoints() {
    }

    /** @return the point to upsert, with {@code unit} as its vector */
    static PointStruct struct(VectorPoint p, float[] unit) {
        return PointStruct.newBuilder().setId(pointId(p.id()))
                .setVectors(Vectors.newBuilder().setVector(Vector.newBuilder().setDense(dense(unit))))
                .putAllPayload(QdrantPayloads.toQdrant(p.payload())).build();
    }

    static UpsertPoints upsert(String collection, List<PointStruct> points) {
        return UpsertPoints.newBuilder().setCollectionName(collection).setWait(true).addAllPoints(points).build();
    }

    static DeletePoints delete(String collection, Collection<UUID> ids) {
        return DeletePoints.newBuilder().setCollectionName(collection).setWait(true)
                .setPoints(PointsSelector.newBuilder().setPoints(PointsIdsList.newBuilder()
                        .addAllIds(ids.stream().map(QdrantPoints::pointId).toList())))
                .build();
    }

    static GetPoints get(String collection, UUID id) {
        return GetPoints.newBuilder().setCollectionName(collection).addIds(pointId(id))
                .setWithPayload(WithPayloadSelector.newBuilder().setEnable(true))
                .setWithVectors(WithVectorsSelector.newBuilder().setEnable(true)).build();
    }

    /** @return the nearest-neighbour query for a request, with {@code unit} as its vector */
    static QueryPoints query(String collection, SearchRequest request, float[] unit) {
        QueryPoints.Builder query = QueryPoints.newBuilder().setCollectionName(collection)
                .setQuery(Query.newBuilder().setNearest(VectorInput.newBuilder().setDense(dense(unit))))
                .setLimit(request.limit())
                .setWithPayload(WithPayloadSelector.newBuilder().setEnable(true));
        Filter filter = QdrantPayloads.toQdrant(request.filter());
        if (filter != null) {
            query.setFilter(filter);
        }
        return query.build();
    }

    static VectorPoint point(UUID id, RetrievedPoint p) {
        return new VectorPoint(id, vectorOf(p.getVectors().getVector()), QdrantPayloads.fromQdrant(p.getPayloadMap()));
    }

    static SearchHit hit(ScoredPoint p) {
        return new SearchHit(UUID.fromString(p.getId().getUuid()), p.getScore(),
                QdrantPayloads.fromQdrant(p.getPayloadMap()));
    }

    private static PointId pointId(UUID id) {
        return PointId.newBuilder().setUuid(id.toString()).build();
    }

    private static DenseVector dense(float[] v) {
        DenseVector.Builder b = DenseVector.newBuilder();
        for (float x : v) {
            b.addData(x);
        }
        return b.build();
    }

    private static float[] vectorOf(VectorOutput out) {
        List<Float> data = out.hasDense() ? out.getDense().getDataList() : out.getDataList();
        float[] v = new float[data.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = data.get(i);
        }
        return v;
    }
}
