package io.conversa.interfaces.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.conversa.interfaces.export.Exports.Parsed;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the chat text inside zipped exports. */
class ChatArchiveTest {

    private static final ExportParser PARSER = new ExportParser(Exports.UTC, null);
    private static final String CHAT = "12/07/2017, 22:35 - Ann: Hello\n";

    @TempDir
    Path temp;

    /** Reads the chat of a fixture zip, checking which entry was chosen. */
    static Parsed parseZip(String fixture, String expectedEntry) throws Exception {
        try (ZipFile zip = new ZipFile(Exports.fixture(fixture).toFile())) {
            ChatArchive.ChatText chat = ChatArchive.find(zip, fixture, PARSER::detect).orElseThrow();
            assertThat(chat.entry().getName()).isEqualTo(expectedEntry);
            try (InputStream in = zip.getInputStream(chat.entry())) {
                return new Parsed(chat.format(), Exports.readAll(PARSER, in, chat.format()));
            }
        }
    }

    private Path zip(String... namesAndContents) throws IOException {
        Path file = temp.resolve("export.zip");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return file;
    }

    private String chosen(Path file) throws IOException {
        return chosen(file, "export.zip");
    }

    private String chosen(Path file, String archiveName) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return ChatArchive.find(zip, archiveName, PARSER::detect).map(c -> c.entry().getName()).orElse(null);
        }
    }

    @Test
    void prefersTheIosChatFileAndSkipsMacMetadata() throws Exception {
        Path file = zip("__MACOSX/._chat.txt", CHAT, "._chat.txt", CHAT, "notes.txt", CHAT, "_chat.txt", CHAT);

        assertThat(chosen(file)).isEqualTo("_chat.txt");
    }

    @Test
    void tellsTheExportsFilesFromTheMetadataOfTheSystemThatZippedThem() {
        for (String metadata : new String[] {"__MACOSX/._IMG-1.jpg", "chat/__MACOSX/x", "._IMG-1.jpg", ".DS_Store",
                "chat/.DS_Store", "Thumbs.db", "chat/desktop.ini", "chat/"}) {
            assertThat(ChatArchive.isExportFile(new ZipEntry(metadata))).as(metadata).isFalse();
        }
        for (String file : new String[] {"IMG-1.jpg", "chat/PTT-2.opus", "_chat.txt", ".hidden.jpg"}) {
            assertThat(ChatArchive.isExportFile(new ZipEntry(file))).as(file).isTrue();
        }
    }

    @Test
    void findsAndroidChatFileByItsName() throws Exception {
        Path file = zip("IMG-20220323-WA0002.jpg", "not text", "a-readme.txt", CHAT,
                "WhatsApp Chat with Ann.txt", CHAT);

        assertThat(chosen(file)).isEqualTo("WhatsApp Chat with Ann.txt");
    }

    @Test
    void prefersTheChatNamedAsTheArchiveToAChatAttachedInIt() throws Exception {
        Path file = zip("WhatsApp Chat with Amy.txt", CHAT, "WhatsApp Chat with Zed.txt",
                "12/07/2017, 22:35 - Zed: WhatsApp Chat with Amy.txt (file attached)\n");

        assertThat(chosen(file, "WhatsApp Chat with Zed.zip")).isEqualTo("WhatsApp Chat with Zed.txt");
        assertThat(chosen(file, "/uploads/WhatsApp Chat with Amy.ZIP")).isEqualTo("WhatsApp Chat with Amy.txt");
    }

    @Test
    void fallsBackToAnyTextFileThatReadsAsAChat() throws Exception {
        Path file = zip("readme.txt", "just some notes\n", "chat-ana.txt",
                CHAT);

        assertThat(chosen(file)).isEqualTo("chat-ana.txt");
    }

    @Test
    void archiveWithoutAChatFindsNothing() throws Exception {
        Path file = zip("readme.txt", "just some notes\n", "photo.jpg", "binary");

        assertThat(chosen(file)).isNull();
    }
}
