package io.noetl.sink.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DjlModelSettingsTest {

    @TempDir
    Path dir;

    private DjlModelSettings read(String text) throws IOException {
        Files.writeString(dir.resolve(DjlModelSettings.FILE_NAME), text);
        return DjlModelSettings.read(dir);
    }

    @Test
    @DisplayName("without a settings file the defaults apply: mean pooling, 256 tokens, padding to the longest text")
    void defaultsWithoutFile() {
        DjlModelSettings s = DjlModelSettings.read(dir);
        assertThat(s).isEqualTo(DjlModelSettings.defaults());
        assertThat(s.pooling()).isEqualTo(DjlModelSettings.Pooling.MEAN);
        assertThat(s.maxLength()).isEqualTo(256);
        assertThat(s.padToMaxLength()).isFalse();
    }

    @Test
    @DisplayName("every key is read")
    void readsEveryKey() throws IOException {
        DjlModelSettings s = read("model=minilm\ndimension=384\nmax_length=128\npooling=CLS\ntoken_type_ids=true\n"
                + "padding=max_length\nbatch_size=8\n");
        assertThat(s).isEqualTo(new DjlModelSettings("minilm", 384, 128, DjlModelSettings.Pooling.CLS, true, true, 8));
    }

    @Test
    @DisplayName("a malformed value is rejected naming the file and the key")
    void malformedValues() {
        assertThatThrownBy(() -> read("pooling=max\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("noetl-embedder.properties: pooling must be mean, cls or none, got 'max'");
        assertThatThrownBy(() -> read("max_length=lots\n")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("noetl-embedder.properties: max_length must be a whole number, got 'lots'");
        assertThatThrownBy(() -> read("max_length=1\n")).hasMessageContaining("max_length must be 2..8192, got 1");
        assertThatThrownBy(() -> read("token_type_ids=yes\n")).hasMessageContaining("token_type_ids must be true or false");
        assertThatThrownBy(() -> read("padding=none\n")).hasMessageContaining("padding must be longest or max_length");
        assertThatThrownBy(() -> read("batch_size=0\n")).hasMessageContaining("batch_size must be 1..4096, got 0");
    }
}
