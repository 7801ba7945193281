package io.noetl.app.bench.sink;

import io.noetl.sink.embed.DjlEmbedder;
import io.noetl.sink.embed.Embedders;
import io.noetl.sink.embed.HashingEmbedder;
import io.noetl.sink.embed.MiniLmEmbedder;
import io.noetl.stores.embed.Embedder;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The embedder of a benchmark: {@code --embedder} ({@code minilm}, {@code hashing} or {@code djl} with
 * {@code --model}) when given, else the environment's ({@code NOETL_EMBEDDER}, {@code NOETL_EMBEDDER_MODEL}; MiniLM
 * when unset). Close it with {@link Embedders#close}.
 */
final class BenchEmbedders {

    private BenchEmbedders() {
    }

    /**
     * @param name  the {@code --embedder} option, or null
     * @param model the {@code --model} option, or null
     * @throws ParameterException naming the option or variable that is not accepted
     */
    static Embedder open(CommandLine cl, String name, String model, Map<String, String> env) {
        if (name == null) {
            if (model != null) {
                throw new ParameterException(cl, "--model needs --embedder djl");
            }
            try {
                return Embedders.open(Embedders.settings(env), null);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new ParameterException(cl, e.getMessage());
            }
        }
        return switch (name.strip().toLowerCase(Locale.ROOT)) {
            case "minilm" -> MiniLmEmbedder.open(null);
            case "hashing" -> new HashingEmbedder();
            case "djl" -> {
                if (model == null || model.isBlank()) {
                    throw new ParameterException(cl, "--model is required with --embedder djl");
                }
                try {
                    yield DjlEmbedder.open(model, null);
                } catch (IllegalArgumentException | IllegalStateException e) {
                    throw new ParameterException(cl, "--model: " + e.getMessage());
                }
            }
            default -> throw new ParameterException(cl,
                    "--embedder must be minilm, hashing or djl, got '" + name + "'");
        };
    }
}
