package io.conversa.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class StorableJsonTest {

    @Test
    void replacesEveryEscapedNulAndNothingElse() {
        String json = "{\"name\":\"Nul\\u0000Name\",\"text\":{\"body\":\"a\\u0000\\u0000b \\u00e9\"}}";
        String storable = StorableJson.of(json);
        assertThat(storable).isEqualTo("{\"name\":\"Nul\\uFFFDName\",\"text\":{\"body\":\"a\\uFFFD\\uFFFDb \\u00e9\"}}");
        var parsed = Json.createReader(new StringReader(storable)).readObject();
        assertThat(parsed.getString("name")).isEqualTo("Nul\uFFFDName");
        assertThat(parsed.getJsonObject("text").getString("body")).isEqualTo("a\uFFFD\uFFFDb \u00e9");
    }

    @Test
    void keepsABackslashFollowedByTheTextU0000() {
        String typed = "{\"body\":\"C:\\\\u0000 and \\\\\\u0000\"}"; // the text C:\u0000 and \ followed by U+0000
        assertThat(StorableJson.of(typed)).isEqualTo("{\"body\":\"C:\\\\u0000 and \\\\\\uFFFD\"}");
        assertThat(Json.createReader(new StringReader(StorableJson.of(typed))).readObject().getString("body"))
                .isEqualTo("C:\\u0000 and \\\uFFFD");
    }

    @Test
    void returnsJsonWithoutNulAsItIs() {
        String json = "{\"body\":\"plain \\u0001\"}";
        assertThat(StorableJson.of(json)).isSameAs(json);
    }
}
