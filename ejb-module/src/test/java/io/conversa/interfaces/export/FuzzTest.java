package io.conversa.interfaces.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.conversa.interfaces.export.bench.ExportMutations;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated exports: the parser either refuses them with {@link UnreadableExportException}
 * or reads them into well-formed messages; it never throws anything else. Seeds are fixed, so a
 * failure reproduces.
 */
class FuzzTest {

    private static final int ROUNDS_PER_SEED_TEXT = 300;
    /** Characters that matter to the parser, so mutations hit headers, marks and placeholders. */
    private static final String INTERESTING = "0123456789/.-,:[] APMapm\u202F\u00A0\u200E\u200F\u202A\u202C\uFEFF"
            + "\n\r<>()\"“”٠١٢٣۴۵٦ص م오후下午令和R年月日";

    private final ExportParser parser = new ExportParser(Exports.UTC, null);

    private static List<String> seedTexts() throws Exception {
        List<String> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.list(Exports.fixtures())) {
            for (Path file : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                seeds.add(Files.readString(file));
            }
        }
        seeds.add("[14:56:01, 18/3/2022] Nam: Xin chào\n2022. 3. 18. 오후 2:56 - 민수: 안녕\n");
        return seeds;
    }

    @Test
    void mutatedExportsNeverCrashTheParser() throws Exception {
        Random random = new Random(20240601L);
        int parsed = 0;
        for (String seed : seedTexts()) {
            for (int round = 0; round < ROUNDS_PER_SEED_TEXT; round++) {
                String mutated = ExportMutations.mutate(seed, random, 1 + random.nextInt(12), INTERESTING);
                parsed += readsCleanly(mutated.getBytes(StandardCharsets.UTF_8));
            }
        }
        assertThat(parsed).as("mutations that still read as chats").isPositive();
    }

    @Test
    void randomTextAndBytesNeverCrashTheParser() throws Exception {
        Random random = new Random(42L);
        for (int round = 0; round < 500; round++) {
            String text = ExportMutations.randomText(random, INTERESTING);
            readsCleanly(text.getBytes(StandardCharsets.UTF_8));
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            readsCleanly(bytes);
        }
    }

    /** 1 if the bytes read as a chat (checking every message is well formed), 0 if refused with a reason. */
    private int readsCleanly(byte[] bytes) throws Exception {
        ExportFormat format;
        try {
            format = parser.detect(new ByteArrayInputStream(bytes));
        } catch (UnreadableExportException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return 0;
        }
        List<ParsedMessage> messages = Exports.readAll(parser, new ByteArrayInputStream(bytes), format);
        for (int i = 0; i < messages.size(); i++) {
            ParsedMessage message = messages.get(i);
            assertThat(message.sequence()).isEqualTo(i);
            assertThat(message.localTime()).isNotNull();
            assertThat(message.sentAt()).isNotNull();
            assertThat(message.text()).isNotNull();
            assertThat(message.author() == null).isEqualTo(message.kind() == MessageKind.SYSTEM);
        }
        return 1;
    }
}
