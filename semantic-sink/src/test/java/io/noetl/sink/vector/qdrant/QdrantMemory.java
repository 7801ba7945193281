package io.noetl.sink.vector.qdrant;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.qdrant.client.grpc.Collections.AliasOperations;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Common.Filter;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.PointStruct;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The data of an {@link InProcessQdrantServer}: collections of points and aliases, kept in memory across the server's
 * stop and start. Every method is synchronized, so each request applies atomically, as Qdrant applies a batch.
 * Errors are the gRPC statuses Qdrant answers with.
 */
final class QdrantMemory {

    /** A stored point; the vector is unit length for cosine collections, as Qdrant stores it. */
    record StoredPoint(String id, float[] vector, Map<String, Value> payload) {
    }

    /** A scored point of a search. */
    record Scored(StoredPoint point, float score) {
    }

    static final class Coll {
        final VectorParams params;
        final Map<String, StoredPoint> points = new LinkedHashMap<>();
        final Map<String, String> indexedFields = new TreeMap<>();

        Coll(VectorParams params) {
            this.params = params;
        }

        int dimension() {
            return (int) params.getSize();
        }
    }

    private final Map<String, Coll> collections = new TreeMap<>();
    private final Map<String, String> aliases = new TreeMap<>();

    synchronized void create(String name, VectorParams params) {
        if (name.isEmpty()) {
            throw invalid("Validation error in body: [collection_name: value is empty]");
        }
        if (collections.containsKey(name)) {
            throw Status.ALREADY_EXISTS.withDescription("Wrong input: Collection `" + name + "` already exists!")
                    .asRuntimeException();
        }
        if (aliases.containsKey(name)) {
            throw Status.ALREADY_EXISTS.withDescription("Wrong input: Alias `" + name + "` already exists!")
                    .asRuntimeException();
        }
        if (params.getSize() < 1 || params.getSize() > 65536) {
            throw invalid("Validation error in body: [vectors_config.size: value " + params.getSize()
                    + " invalid, must be from 1 to 65536]");
        }
        if (params.getDistance() != Distance.Cosine && params.getDistance() != Distance.Dot) {
            throw Status.UNIMPLEMENTED.withDescription("this server scores Cosine and Dot collections only, not "
                    + params.getDistance()).asRuntimeException();
        }
        collections.put(name, new Coll(params));
    }

    synchronized boolean delete(String name) {
        if (collections.remove(name) == null) {
            return false;
        }
        aliases.values().removeIf(name::equals);
        return true;
    }

    synchronized List<String> names() {
        return new ArrayList<>(collections.keySet());
    }

    synchronized boolean exists(String name) {
        return collections.containsKey(name);
    }

    /** What Qdrant reports about a collection. */
    record Info(VectorParams params, long points, Map<String, String> indexedFields) {
    }

    /** @return the collection's settings and counts, resolving an alias */
    synchronized Info info(String nameOrAlias) {
        Coll c = collection(nameOrAlias);
        return new Info(c.params, c.points.size(), Map.copyOf(c.indexedFields));
    }

    synchronized Map<String, String> aliases() {
        return new TreeMap<>(aliases);
    }

    /** Applies every action or none. */
    synchronized void changeAliases(List<AliasOperations> actions) {
        Map<String, String> next = new TreeMap<>(aliases);
        for (AliasOperations op : actions) {
            switch (op.getActionCase()) {
                case CREATE_ALIAS -> {
                    String alias = op.getCreateAlias().getAliasName();
                    String target = op.getCreateAlias().getCollectionName();
                    if (!collections.containsKey(target)) {
                        throw notFound(target);
                    }
                    if (collections.containsKey(alias)) {
                        throw Status.ALREADY_EXISTS.withDescription("Wrong input: Collection `" + alias
                                + "` already exists!").asRuntimeException();
                    }
                    next.put(alias, target);
                }
                case DELETE_ALIAS -> {
                    String alias = op.getDeleteAlias().getAliasName();
                    if (next.remove(alias) == null) {
                        throw Status.NOT_FOUND.withDescription("Not found: Alias " + alias + " does not exists!")
                                .asRuntimeException();
                    }
                }
                case RENAME_ALIAS -> {
                    String old = op.getRenameAlias().getOldAliasName();
                    String target = next.remove(old);
                    if (target == null) {
                        throw Status.NOT_FOUND.withDescription("Not found: Alias " + old + " does not exists!")
                                .asRuntimeException();
                    }
                    next.put(op.getRenameAlias().getNewAliasName(), target);
                }
                default -> throw invalid("Validation error in body: [actions: empty alias operation]");
            }
        }
        aliases.clear();
        aliases.putAll(next);
    }

    /** Checks every point first, then writes them in order (a later point with the same id wins). */
    synchronized void upsert(String nameOrAlias, List<PointStruct> points) {
        Coll c = collection(nameOrAlias);
        List<StoredPoint> checked = new ArrayList<>(points.size());
        for (PointStruct p : points) {
            String id = QdrantWire.id(p.getId());
            if (!p.getVectors().hasVector()) {
                throw invalid("Wrong input: Not existing vector name error: point " + id
                        + " has no default (unnamed) vector");
            }
            float[] v = QdrantWire.floats(p.getVectors().getVector());
            if (v.length != c.dimension()) {
                throw invalid("Wrong input: Vector dimension error: expected dim: " + c.dimension() + ", got "
                        + v.length);
            }
            checked.add(new StoredPoint(id, c.params.getDistance() == Distance.Cosine ? normalize(v) : v,
                    Map.copyOf(p.getPayloadMap())));
        }
        for (StoredPoint p : checked) {
            c.points.put(p.id(), p);
        }
    }

    synchronized void deleteIds(String nameOrAlias, List<String> ids) {
        Coll c = collection(nameOrAlias);
        ids.forEach(c.points::remove);
    }

    synchronized void deleteMatching(String nameOrAlias, Filter filter) {
        collection(nameOrAlias).points.values().removeIf(p -> QdrantFilters.matches(filter, p));
    }

    synchronized List<StoredPoint> get(String nameOrAlias, List<String> ids) {
        Coll c = collection(nameOrAlias);
        return ids.stream().map(c.points::get).filter(p -> p != null).distinct().toList();
    }

    synchronized long count(String nameOrAlias, Filter filter) {
        return collection(nameOrAlias).points.values().stream().filter(p -> QdrantFilters.matches(filter, p))
                .count();
    }

    synchronized void index(String nameOrAlias, String field, String type) {
        collection(nameOrAlias).indexedFields.put(field, type);
    }

    /** Exact nearest neighbours: every matching point scored, best first, ties by id. */
    synchronized List<Scored> search(String nameOrAlias, float[] query, Filter filter, int limit, int offset,
            Optional<Float> threshold) {
        Coll c = collection(nameOrAlias);
        if (query.length != c.dimension()) {
            throw invalid("Wrong input: Vector dimension error: expected dim: " + c.dimension() + ", got "
                    + query.length);
        }
        float[] q = c.params.getDistance() == Distance.Cosine ? normalize(query) : query;
        return c.points.values().stream().filter(p -> QdrantFilters.matches(filter, p))
                .map(p -> new Scored(p, score(q, p.vector())))
                .filter(s -> threshold.isEmpty() || s.score() >= threshold.get())
                .sorted(Comparator.comparing(Scored::score).reversed().thenComparing(s -> s.point().id()))
                .skip(offset).limit(limit).toList();
    }

    private Coll collection(String nameOrAlias) {
        Coll c = collections.get(aliases.getOrDefault(nameOrAlias, nameOrAlias));
        if (c == null) {
            throw notFound(nameOrAlias);
        }
        return c;
    }

    /** Cosine on unit vectors and Dot are both the dot product. */
    private static float score(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return (float) s;
    }

    private static float[] normalize(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        if (sum == 0) {
            return v.clone();
        }
        float inv = (float) (1 / Math.sqrt(sum));
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * inv;
        }
        return out;
    }

    static StatusRuntimeException notFound(String collection) {
        return Status.NOT_FOUND.withDescription("Not found: Collection `" + collection + "` doesn't exist!")
                .asRuntimeException();
    }

    static StatusRuntimeException invalid(String description) {
        return Status.INVALID_ARGUMENT.withDescription(description).asRuntimeException();
    }
}
