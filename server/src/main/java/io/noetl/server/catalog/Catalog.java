package io.noetl.server.catalog;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import io.noetl.schemas.Names;
import io.noetl.schemas.playbook.Playbook;
import io.noetl.schemas.playbook.PlaybookException;
import io.noetl.schemas.playbook.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The playbook catalog, kept in a KV bucket so every server replica sees the same versions.
 * Version numbers are assigned with KV compare-and-set: a version key is created only if absent,
 * so two replicas registering the same path at once get different versions.
 */
public final class Catalog {

    private static final Logger LOG = LoggerFactory.getLogger(Catalog.class);
    private static final int WRONG_LAST_SEQUENCE = 10071;
    private static final int MAX_ATTEMPTS = 50;

    private final KeyValue kv;
    private final Map<String, CatalogEntry> parsed = new ConcurrentHashMap<>();
    private final LatestVersions latest;

    public Catalog(Connection nc, Names names) {
        try {
            this.kv = nc.keyValue(names.playbooksBucket());
            this.latest = new LatestVersions(kv);
        } catch (IOException e) {
            throw new IllegalStateException("open KV bucket " + names.playbooksBucket(), e);
        }
    }

    /**
     * Validates and stores a new version of the playbook's path.
     *
     * @throws PlaybookException when the YAML is not a valid playbook (every problem listed)
     */
    public CatalogEntry register(String yaml) {
        Playbook playbook = PlaybookParsing.parse(yaml);
        String path = playbook.path();
        try {
            int version = latestVersion(path) + 1;
            for (int attempt = 1; ; attempt++) {
                try {
                    kv.create(CatalogKeys.version(path, version), yaml.getBytes(StandardCharsets.UTF_8));
                    break;
                } catch (JetStreamApiException e) {
                    if (e.getApiErrorCode() != WRONG_LAST_SEQUENCE || attempt >= MAX_ATTEMPTS) {
                        throw e;
                    }
                    version++; // taken by a concurrent registration
                }
            }
            advanceLatest(path, version);
            latest.seen(path, version);
            CatalogEntry entry = new CatalogEntry(path, version, playbook);
            parsed.put(cacheKey(path, version), entry);
            LOG.info("registered playbook {} version {}", path, version);
            return entry;
        } catch (IOException | JetStreamApiException e) {
            throw new CatalogUnavailableException("register playbook " + path, e);
        }
    }

    /**
     * What {@link #register} checks, without registering anything.
     *
     * @return every problem with {@code yaml}; empty when registering it would accept it
     */
    public static List<Problem> problems(String yaml) {
        try {
            PlaybookParsing.parse(yaml);
            return List.of();
        } catch (PlaybookException e) {
            return e.problems();
        }
    }

    /** The highest version of {@code path}, if any. */
    public Optional<CatalogEntry> latest(String path) {
        try {
            int version = latestVersion(path);
            return version == 0 ? Optional.empty() : get(path, version);
        } catch (IOException | JetStreamApiException e) {
            throw new CatalogUnavailableException("read latest version of " + path, e);
        }
    }

    /** One version of {@code path}; parsed once and cached (versions never change). */
    public Optional<CatalogEntry> get(String path, int version) {
        CatalogEntry cached = parsed.get(cacheKey(path, version));
        if (cached != null) {
            return Optional.of(cached);
        }
        try {
            KeyValueEntry entry = kv.get(CatalogKeys.version(path, version));
            if (entry == null || entry.getValue() == null) {
                return Optional.empty();
            }
            Playbook playbook = PlaybookParsing.parse(new String(entry.getValue(), StandardCharsets.UTF_8));
            CatalogEntry loaded = new CatalogEntry(path, version, playbook);
            parsed.putIfAbsent(cacheKey(path, version), loaded);
            return Optional.of(loaded);
        } catch (IOException | JetStreamApiException e) {
            throw new CatalogUnavailableException("read playbook " + path + " version " + version, e);
        }
    }

    /** {@code version} of {@code path}, or the latest when {@code version} is null. */
    public Optional<CatalogEntry> resolve(String path, Integer version) {
        return version == null ? latest(path) : get(path, version);
    }

    /** The latest version of every path, ordered by path. */
    public List<CatalogEntry> list() {
        try {
            List<CatalogEntry> out = new ArrayList<>();
            for (String key : kv.keys()) {
                String path = CatalogKeys.pathOfLatestKey(key);
                if (path != null) {
                    latest(path).ifPresent(out::add);
                }
            }
            out.sort(Comparator.comparing(CatalogEntry::path));
            return out;
        } catch (IOException | JetStreamApiException e) {
            throw new CatalogUnavailableException("list playbooks", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CatalogUnavailableException("list playbooks (interrupted)", e);
        }
    }

    private int latestVersion(String path) throws IOException, JetStreamApiException {
        Integer known = latest.get(path);
        if (known != null) {
            return known;
        }
        KeyValueEntry entry = kv.get(CatalogKeys.latest(path));
        int version = entry == null || entry.getValue() == null ? 0 : Integer.parseInt(entry.getValueAsString());
        if (version > 0) {
            latest.seen(path, version);
        }
        return version;
    }

    /** Stops watching the bucket. */
    public void close() {
        latest.close();
    }

    /** Moves {@code <path>.latest} up to {@code version} with compare-and-set; never moves it down. */
    private void advanceLatest(String path, int version) throws IOException, JetStreamApiException {
        String key = CatalogKeys.latest(path);
        byte[] value = Integer.toString(version).getBytes(StandardCharsets.UTF_8);
        for (int attempt = 1; ; attempt++) {
            KeyValueEntry current = kv.get(key);
            try {
                if (current == null || current.getValue() == null) {
                    kv.create(key, value);
                } else if (Integer.parseInt(current.getValueAsString()) < version) {
                    kv.update(key, value, current.getRevision());
                }
                return;
            } catch (JetStreamApiException e) {
                if (e.getApiErrorCode() != WRONG_LAST_SEQUENCE || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static String cacheKey(String path, int version) {
        return version + ":" + path;
    }
}
