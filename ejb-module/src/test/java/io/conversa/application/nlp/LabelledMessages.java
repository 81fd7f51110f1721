package io.conversa.application.nlp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The hand-labelled evaluation sets (src/test/resources/nlp-eval/*.tsv), by conversation in file order. */
final class LabelledMessages {

    record Labelled(String conversation, LocalDate sent, String author, String language, String sentiment,
            List<String> entities, String text) {
    }

    /** The development set (messages.tsv) or the held-out set (held-out.tsv), by file name. */
    static Map<String, List<Labelled>> byConversation(String file) throws IOException {
        Map<String, List<Labelled>> out = new LinkedHashMap<>();
        try (InputStream in = LabelledMessages.class.getResourceAsStream("/nlp-eval/" + file);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine();
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                List<String> entities = f[5].isEmpty() ? List.of() : List.of(f[5].split("\\|"));
                out.computeIfAbsent(f[0], c -> new ArrayList<>()).add(new Labelled(f[0], LocalDate.parse(f[1]), f[2], f[3], f[4],
                        entities, f[6].replace("\\n", "\n")));
            }
        }
        return out;
    }
}
