package io.noetl.schemas.settings;

import io.noetl.schemas.Names;
import io.noetl.schemas.playbook.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Typed reads of the process environment, each failing with a message that names the variable and says what it
 * accepts. Every module's settings ({@code fromEnv}) read through it, and it alone resolves the settings every role
 * shares: the stream prefix ({@link #names()}), the data folder ({@link #dataDir()}) and the NATS address
 * ({@link #natsUrl()}). A blank value counts as unset.
 *
 * @param vars the variables, e.g. {@code System.getenv()}
 */
public record Env(Map<String, String> vars) {

    /** NATS server used when {@code NATS_URL} is unset. */
    public static final String DEFAULT_NATS_URL = "nats://127.0.0.1:4222";
    /** Data folder used when {@code NOETL_DATA_DIR} is unset (relative to the working directory). */
    public static final String DEFAULT_DATA_DIR = ".noetl/data";

    public Env {
        // a view, not a copy: reads reach the given map (a test can record which variables are read)
        vars = vars == null ? Map.of() : Collections.unmodifiableMap(vars);
    }

    public static Env of(Map<String, String> vars) {
        return new Env(vars);
    }

    /** @return the value, stripped, or empty when unset or blank */
    public Optional<String> optional(String name) {
        String raw = vars.get(name);
        return raw == null || raw.isBlank() ? Optional.empty() : Optional.of(raw.strip());
    }

    /** @return the value, stripped, or {@code fallback} when unset or blank */
    public String string(String name, String fallback) {
        return optional(name).orElse(fallback);
    }

    /** @return the value, or throws naming the variable and {@code why} it is needed */
    public String required(String name, String why) {
        return optional(name).orElseThrow(() -> new IllegalArgumentException(name + " must be set " + why));
    }

    /** @return a whole number in {@code [min, max]}, or {@code fallback} when unset */
    public int integer(String name, int fallback, int min, int max) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the accepted range
        }
        throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max + ", got '"
                + raw.get() + "'");
    }

    /** @return a duration written as in playbooks ({@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}) */
    public Duration duration(String name, Duration fallback) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            return Duration.ofMillis(Durations.toMillis(raw.get()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " must be a duration such as 500ms, 30s, 5m or 2h, got '"
                    + raw.get() + "'", e);
        }
    }

    /** @return a port number 1..65535, or {@code fallback} when unset */
    public int port(String name, int fallback) {
        return integer(name, fallback, 1, 65_535);
    }

    /** @return one of {@code allowed} (compared in lower case), or {@code fallback} when unset */
    public String choice(String name, String fallback, Set<String> allowed) {
        Optional<String> raw = optional(name);
        if (raw.isEmpty()) {
            return fallback;
        }
        String value = raw.get().toLowerCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            throw new IllegalArgumentException(name + " must be one of " + allowed.stream().sorted().toList()
                    + ", got '" + raw.get() + "'");
        }
        return value;
    }

    /** Names on the wire, prefixed by {@code NOETL_STREAM_PREFIX} (empty in production). */
    public Names names() {
        return new Names(string("NOETL_STREAM_PREFIX", ""));
    }

    /** The folder the embedded infrastructure and stores keep their data in: {@code NOETL_DATA_DIR}, absolute. */
    public Path dataDir() {
        return Path.of(string("NOETL_DATA_DIR", DEFAULT_DATA_DIR)).toAbsolutePath();
    }

    /** The NATS server: {@code NATS_URL}, default {@value #DEFAULT_NATS_URL}. */
    public String natsUrl() {
        return string("NATS_URL", DEFAULT_NATS_URL);
    }

    /** @return a copy with {@code name} set to {@code value} */
    public Env with(String name, String value) {
        java.util.HashMap<String, String> copy = new java.util.HashMap<>(vars);
        copy.put(name, value);
        return new Env(copy);
    }
}
