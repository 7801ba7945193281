package io.noetl.topology.template;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Derives 16-hex-char template ids from template text (first 8 bytes of SHA-256). */
final class TemplateIds {

    private TemplateIds() {
    }

    /**
     * The id of a template text.
     *
     * @param template template text
     * @return 16 lower-case hex characters
     */
    static String of(String template) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(template.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable for template ids", e);
        }
    }
}
