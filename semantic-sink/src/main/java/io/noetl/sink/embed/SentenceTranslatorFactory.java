package io.noetl.sink.embed;

import ai.djl.Model;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.translator.TextEmbeddingTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.Translator;
import ai.djl.translate.TranslatorFactory;
import ai.djl.util.Pair;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Builds the translator of a sentence-transformer once its model is loaded, so a model fetched from a URL is handled
 * like a local folder: the model's {@value #TOKENIZER_FILE} (truncated to {@code max_length}, padded to the longest
 * text of a batch or to {@code max_length}, as {@link DjlModelSettings} say) and DJL's
 * {@link TextEmbeddingTranslator} (token type ids when the settings ask for them, mean or CLS pooling, L2
 * normalization), wrapped in a {@link SentenceTranslator}. The tokenizer belongs to the model's manager and is closed
 * with the model.
 */
final class SentenceTranslatorFactory implements TranslatorFactory {

    static final String TOKENIZER_FILE = "tokenizer.json";

    private volatile DjlModelSettings settings;

    @Override
    public Set<Pair<Type, Type>> getSupportedTypes() {
        return Set.of(new Pair<>(String.class, float[].class));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <I, O> Translator<I, O> newInstance(Class<I> input, Class<O> output, Model model,
            Map<String, ?> arguments) throws TranslateException {
        if (!isSupported(input, output)) {
            throw new IllegalArgumentException("a sentence encoder maps String to float[], not " + input.getName()
                    + " to " + output.getName());
        }
        Path dir = model.getModelPath();
        Path file = dir.resolve(TOKENIZER_FILE);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("embedding model directory " + dir + " has no " + TOKENIZER_FILE);
        }
        DjlModelSettings s = DjlModelSettings.read(dir);
        HuggingFaceTokenizer.Builder tokenizer = HuggingFaceTokenizer.builder()
                .optTokenizerPath(file)
                .optManager(model.getNDManager())
                .optAddSpecialTokens(true)
                .optTruncation(true)
                .optMaxLength(s.maxLength());
        if (s.padToMaxLength()) {
            tokenizer.optPadToMaxLength();
        } else {
            tokenizer.optPadding(true);
        }
        TextEmbeddingTranslator embeddings;
        try {
            embeddings = TextEmbeddingTranslator.builder(tokenizer.build())
                    .optPoolingMode(s.pooling() == DjlModelSettings.Pooling.CLS ? "cls" : "mean")
                    .optIncludeTokenTypes(s.tokenTypeIds())
                    .optNormalize(true)
                    .build();
        } catch (IOException e) {
            throw new TranslateException("read " + file + ": " + e.getMessage(), e);
        }
        settings = s;
        return (Translator<I, O>) new SentenceTranslator(embeddings, s.pooling());
    }

    /** @return the settings read when the model was loaded, null before */
    DjlModelSettings settings() {
        return settings;
    }
}
