package io.noetl.server.catalog;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * KV keys of the catalog. Keys allow only {@code [-/_=.a-zA-Z0-9]}, so a path is base64url-encoded
 * (no padding): {@code <enc>.v<N>} holds version N's YAML, {@code <enc>.latest} the highest version.
 */
final class CatalogKeys {

    static final String LATEST = "latest";

    private CatalogKeys() {
    }

    static String encode(String path) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(path.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String encoded) {
        return new String(Base64.getUrlDecoder().decode(encoded), StandardCharsets.UTF_8);
    }

    static String version(String path, int version) {
        return encode(path) + ".v" + version;
    }

    static String latest(String path) {
        return encode(path) + "." + LATEST;
    }

    /** The path of a {@code <enc>.latest} key, or null for any other key. */
    static String pathOfLatestKey(String key) {
        int dot = key.lastIndexOf('.');
        return dot > 0 && key.substring(dot + 1).equals(LATEST) ? decode(key.substring(0, dot)) : null;
    }
}
