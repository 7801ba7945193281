package io.noetl.sink.vector.qdrant;

import io.qdrant.client.grpc.Common.PointId;
import io.qdrant.client.grpc.Points.DenseVector;
import io.qdrant.client.grpc.Points.Vector;
import io.qdrant.client.grpc.Points.VectorOutput;
import io.qdrant.client.grpc.Points.VectorsOutput;
import java.util.List;
import java.util.UUID;

/** Conversions between the Qdrant protocol's messages and the {@link QdrantMemory} model. */
final class QdrantWire {

    private QdrantWire() {
    }

    /** @return the id as Qdrant prints it: a number, or a UUID in canonical form */
    static String id(PointId id) {
        return switch (id.getPointIdOptionsCase()) {
            case NUM -> Long.toUnsignedString(id.getNum());
            case UUID -> {
                try {
                    yield UUID.fromString(id.getUuid()).toString();
                } catch (IllegalArgumentException e) {
                    throw QdrantMemory.invalid("Unable to parse UUID: " + id.getUuid());
                }
            }
            default -> throw QdrantMemory.invalid("Validation error: point id is empty");
        };
    }

    static PointId pointId(String id) {
        return id.contains("-") ? PointId.newBuilder().setUuid(id).build()
                : PointId.newBuilder().setNum(Long.parseUnsignedLong(id)).build();
    }

    /** A dense vector in either spelling of the protocol (the {@code dense} field or the older {@code data}). */
    static float[] floats(Vector v) {
        if (v.hasSparse() || v.hasMultiDense() || v.hasDocument() || v.hasImage() || v.hasObject()) {
            throw QdrantMemory.invalid("Wrong input: only dense vectors are supported by this server");
        }
        return floats(v.hasDense() ? v.getDense().getDataList() : v.getDataList());
    }

    static float[] floats(List<Float> data) {
        float[] out = new float[data.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = data.get(i);
        }
        return out;
    }

    static VectorsOutput vectorsOutput(float[] v) {
        DenseVector.Builder dense = DenseVector.newBuilder();
        for (float x : v) {
            dense.addData(x);
        }
        return VectorsOutput.newBuilder().setVector(VectorOutput.newBuilder().setDense(dense)).build();
    }
}
