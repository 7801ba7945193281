package io.noetl.sink.vector.qdrant;

import io.grpc.stub.StreamObserver;
import io.qdrant.client.grpc.Collections.AliasDescription;
import io.qdrant.client.grpc.Collections.ChangeAliases;
import io.qdrant.client.grpc.Collections.CollectionConfig;
import io.qdrant.client.grpc.Collections.CollectionDescription;
import io.qdrant.client.grpc.Collections.CollectionExists;
import io.qdrant.client.grpc.Collections.CollectionExistsRequest;
import io.qdrant.client.grpc.Collections.CollectionExistsResponse;
import io.qdrant.client.grpc.Collections.CollectionInfo;
import io.qdrant.client.grpc.Collections.CollectionOperationResponse;
import io.qdrant.client.grpc.Collections.CollectionParams;
import io.qdrant.client.grpc.Collections.CollectionStatus;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.DeleteCollection;
import io.qdrant.client.grpc.Collections.GetCollectionInfoRequest;
import io.qdrant.client.grpc.Collections.GetCollectionInfoResponse;
import io.qdrant.client.grpc.Collections.ListAliasesRequest;
import io.qdrant.client.grpc.Collections.ListAliasesResponse;
import io.qdrant.client.grpc.Collections.ListCollectionAliasesRequest;
import io.qdrant.client.grpc.Collections.ListCollectionsRequest;
import io.qdrant.client.grpc.Collections.ListCollectionsResponse;
import io.qdrant.client.grpc.Collections.PayloadSchemaInfo;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.CollectionsGrpc;
import java.util.Map;
import java.util.function.Predicate;

/** Qdrant's {@code Collections} service over a {@link QdrantMemory}. */
final class InProcessCollectionsService extends CollectionsGrpc.CollectionsImplBase {

    private final QdrantMemory memory;

    InProcessCollectionsService(QdrantMemory memory) {
        this.memory = memory;
    }

    @Override
    public void create(CreateCollection request, StreamObserver<CollectionOperationResponse> out) {
        Rpc.answer(out, () -> {
            if (!request.hasVectorsConfig() || !request.getVectorsConfig().hasParams()) {
                throw QdrantMemory.invalid("Wrong input: this server needs one unnamed dense vector per point "
                        + "(vectors_config.params)");
            }
            memory.create(request.getCollectionName(), request.getVectorsConfig().getParams());
            return ok(true);
        });
    }

    @Override
    public void delete(DeleteCollection request, StreamObserver<CollectionOperationResponse> out) {
        Rpc.answer(out, () -> ok(memory.delete(request.getCollectionName())));
    }

    @Override
    public void list(ListCollectionsRequest request, StreamObserver<ListCollectionsResponse> out) {
        Rpc.answer(out, () -> {
            ListCollectionsResponse.Builder b = ListCollectionsResponse.newBuilder();
            memory.names().forEach(n -> b.addCollections(CollectionDescription.newBuilder().setName(n)));
            return b.build();
        });
    }

    @Override
    public void get(GetCollectionInfoRequest request, StreamObserver<GetCollectionInfoResponse> out) {
        Rpc.answer(out, () -> {
            QdrantMemory.Info info = memory.info(request.getCollectionName());
            CollectionInfo.Builder b = CollectionInfo.newBuilder().setStatus(CollectionStatus.Green)
                    .setSegmentsCount(1).setPointsCount(info.points()).setIndexedVectorsCount(info.points())
                    .setConfig(CollectionConfig.newBuilder().setParams(CollectionParams.newBuilder()
                            .setShardNumber(1).setReplicationFactor(1)
                            .setVectorsConfig(VectorsConfig.newBuilder().setParams(info.params()))));
            for (Map.Entry<String, String> e : info.indexedFields().entrySet()) {
                b.putPayloadSchema(e.getKey(), PayloadSchemaInfo.newBuilder()
                        .setDataType(PayloadSchemaType.valueOf(e.getValue())).build());
            }
            return GetCollectionInfoResponse.newBuilder().setResult(b).build();
        });
    }

    @Override
    public void collectionExists(CollectionExistsRequest request, StreamObserver<CollectionExistsResponse> out) {
        Rpc.answer(out, () -> CollectionExistsResponse.newBuilder()
                .setResult(CollectionExists.newBuilder().setExists(memory.exists(request.getCollectionName())))
                .build());
    }

    @Override
    public void updateAliases(ChangeAliases request, StreamObserver<CollectionOperationResponse> out) {
        Rpc.answer(out, () -> {
            memory.changeAliases(request.getActionsList());
            return ok(true);
        });
    }

    @Override
    public void listAliases(ListAliasesRequest request, StreamObserver<ListAliasesResponse> out) {
        Rpc.answer(out, () -> aliases(target -> true));
    }

    @Override
    public void listCollectionAliases(ListCollectionAliasesRequest request, StreamObserver<ListAliasesResponse> out) {
        Rpc.answer(out, () -> {
            if (!memory.exists(request.getCollectionName())) {
                throw QdrantMemory.notFound(request.getCollectionName());
            }
            return aliases(request.getCollectionName()::equals);
        });
    }

    private ListAliasesResponse aliases(Predicate<String> target) {
        ListAliasesResponse.Builder b = ListAliasesResponse.newBuilder();
        memory.aliases().forEach((alias, collection) -> {
            if (target.test(collection)) {
                b.addAliases(AliasDescription.newBuilder().setAliasName(alias).setCollectionName(collection));
            }
        });
        return b.build();
    }

    private static CollectionOperationResponse ok(boolean result) {
        return CollectionOperationResponse.newBuilder().setResult(result).build();
    }
}
