package io.noetl.sink.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Model;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.translator.TextEmbeddingTranslator;
import ai.djl.metric.Metrics;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.translate.TranslatorContext;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Pooling and the checks around DJL's translator, on model outputs written by hand. */
class SentenceTranslatorTest {

    private static NDManager manager;
    private static HuggingFaceTokenizer tokenizer;

    @BeforeAll
    static void engine() throws IOException {
        DjlRuntime.configure(null);
        manager = NDManager.newBaseManager(DjlRuntime.ENGINE);
        tokenizer = HuggingFaceTokenizer.newInstance(TinyEncoder.directory().resolve("tokenizer.json"));
    }

    @AfterAll
    static void close() {
        tokenizer.close();
        manager.close();
    }

    @Test
    @DisplayName("mean pooling averages only the tokens the attention mask keeps, then normalizes")
    void meanPoolingSkipsPadding() {
        // one row, three tokens of dimension 2; the third is padding
        Context ctx = new Context();
        ctx.setAttachment("attentionMask", manager.create(new long[] {1, 1, 0}, new Shape(1, 3)));
        NDList output = new NDList(manager.create(new float[] {3, 0, 1, 4, 100, 100}, new Shape(1, 3, 2)));

        float[] v = translator(DjlModelSettings.Pooling.MEAN).batchProcessOutput(ctx, output).getFirst();

        assertThat(v[0]).isCloseTo(2f / (float) Math.sqrt(8), within(1e-6f));
        assertThat(v[1]).isCloseTo(2f / (float) Math.sqrt(8), within(1e-6f));
    }

    @Test
    @DisplayName("pooling none takes the model's vector of each text and normalizes it")
    void poolingNoneNormalizesEachRow() {
        NDList output = new NDList(manager.create(new float[] {3, 4, 0, 2}, new Shape(2, 2)));

        List<float[]> v = translator(DjlModelSettings.Pooling.NONE).batchProcessOutput(new Context(), output);

        assertThat(v.get(0)).containsExactly(new float[] {0.6f, 0.8f}, within(1e-6f));
        assertThat(v.get(1)).containsExactly(new float[] {0f, 1f}, within(1e-6f));
    }

    @Test
    @DisplayName("an all-zero output still becomes a unit vector, a non-finite one is an error")
    void degenerateOutputs() {
        SentenceTranslator none = translator(DjlModelSettings.Pooling.NONE);
        assertThat(none.batchProcessOutput(new Context(),
                new NDList(manager.create(new float[] {0, 0, 0}, new Shape(1, 3)))).getFirst())
                .containsExactly(1f, 0f, 0f);
        assertThatThrownBy(() -> none.batchProcessOutput(new Context(),
                new NDList(manager.create(new float[] {Float.NaN, 0, 0}, new Shape(1, 3)))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("non-finite");
    }

    @Test
    @DisplayName("an output of the wrong rank for the pooling names the setting to change")
    void wrongRankNamesTheSetting() {
        NDList perText = new NDList(manager.create(new float[] {3, 4}, new Shape(1, 2)));
        assertThatThrownBy(() -> translator(DjlModelSettings.Pooling.MEAN).batchProcessOutput(new Context(), perText))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("pooling mean needs a model output of rank 3")
                .hasMessageContaining(DjlModelSettings.FILE_NAME);
    }

    private static SentenceTranslator translator(DjlModelSettings.Pooling pooling) {
        return new SentenceTranslator(TextEmbeddingTranslator.builder(tokenizer).build(), pooling);
    }

    /** Only what output processing reads: the attachments and a manager. */
    private static final class Context implements TranslatorContext {
        private final Map<String, Object> attachments = new HashMap<>();

        @Override
        public Model getModel() {
            throw new UnsupportedOperationException();
        }

        @Override
        public NDManager getNDManager() {
            return manager;
        }

        @Override
        public NDManager getPredictorManager() {
            return manager;
        }

        @Override
        public Block getBlock() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Metrics getMetrics() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object getAttachment(String key) {
            return attachments.get(key);
        }

        @Override
        public void setAttachment(String key, Object value) {
            attachments.put(key, value);
        }

        @Override
        public void close() {
        }
    }
}
