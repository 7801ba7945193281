package io.noetl.sink.embed;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** The tiny TorchScript sentence encoder shipped with the tests (see {@code src/test/model/make_tiny_encoder.py}). */
final class TinyEncoder {

    static final int DIMENSION = 48;

    private TinyEncoder() {
    }

    static Path directory() {
        URL url = TinyEncoder.class.getResource("/models/tiny-encoder/tokenizer.json");
        if (url == null) {
            throw new IllegalStateException("test model models/tiny-encoder is not on the class path");
        }
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
