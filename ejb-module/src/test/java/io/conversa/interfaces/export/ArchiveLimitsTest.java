package io.conversa.interfaces.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveLimitsTest {

    @TempDir
    Path dir;

    @Test
    void acceptsAnOrdinaryExport() throws IOException {
        try (ZipFile zip = zip("_chat.txt", "01/02/2024, 10:00 - Ana: hi\n".getBytes())) {
            assertThatCode(() -> ArchiveLimits.check(zip, 1_000_000)).doesNotThrowAnyException();
        }
    }

    @Test
    void refusesAnEntryThatUnpacksToFarMoreThanItWeighs() throws IOException {
        try (ZipFile zip = zip("zeros.bin", new byte[10_000_000])) {
            assertThatThrownBy(() -> ArchiveLimits.check(zip, Long.MAX_VALUE))
                    .isInstanceOf(UnreadableExportException.class).hasMessageContaining("zip bomb");
        }
    }

    @Test
    void refusesAnArchiveLargerThanTheLimitOnceUnpacked() throws IOException {
        try (ZipFile zip = zip("_chat.txt", new byte[2_000])) {
            assertThatThrownBy(() -> ArchiveLimits.check(zip, 1_000))
                    .isInstanceOf(UnreadableExportException.class).hasMessageContaining("more than 1000 bytes");
        }
    }

    @Test
    void refusesEntriesThatPointOutsideTheArchive() throws IOException {
        for (String name : new String[] {"../evil.txt", "a/../../evil.txt", "/etc/passwd", "..", "media/..", "media/.",
                "..\\evil.png", "C:/evil.png", "C:\\evil.png", "\\\\server\\share\\evil.png"}) {
            try (ZipFile zip = zip(name, "x".getBytes())) {
                assertThatThrownBy(() -> ArchiveLimits.check(zip, Long.MAX_VALUE))
                        .isInstanceOf(UnreadableExportException.class).hasMessageContaining("outside itself");
            }
        }
    }

    @Test
    void acceptsNamesThatOnlyLookLikeEscapes() throws IOException {
        for (String name : new String[] {"media/..photo.jpg", "IMG..1.jpg", "./_chat.txt", "a/.hidden"}) {
            try (ZipFile zip = zip(name, "x".getBytes())) {
                assertThatCode(() -> ArchiveLimits.check(zip, Long.MAX_VALUE)).as(name).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void readsAnEntryNoFurtherThanTheSizeTheArchiveStates() throws IOException {
        // The central directory says 1,000 bytes where 10 MB of zeros unpack: check() sees a harmless ratio.
        Path file = dir.resolve("liar.zip");
        Files.write(file, statingSize(zipBytes("IMG-1.jpg", new byte[10_000_000]), 1_000));
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertThatCode(() -> ArchiveLimits.check(zip, Long.MAX_VALUE)).doesNotThrowAnyException();
            ZipEntry entry = zip.getEntry("IMG-1.jpg");
            try (InputStream in = ArchiveLimits.open(zip, entry)) {
                assertThatThrownBy(in::readAllBytes).isInstanceOf(RefusedContentException.class)
                        .hasMessage("The zip entry 'IMG-1.jpg' unpacks to more than the 1000 bytes the zip states for it:"
                                + " refused as a zip bomb.");
            }
        }
    }

    @Test
    void readsAnHonestEntryWhole() throws IOException {
        byte[] content = "01/02/2024, 10:00 - Ana: hi\n".repeat(1_000).getBytes();
        try (ZipFile zip = zip("_chat.txt", content); InputStream in = ArchiveLimits.open(zip, zip.getEntry("_chat.txt"))) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    /** The archive with every central directory record's uncompressed size replaced by {@code size}. */
    private static byte[] statingSize(byte[] zip, int size) {
        ByteBuffer bytes = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 4 <= zip.length; i++) {
            if (bytes.getInt(i) == 0x02014b50) {
                bytes.putInt(i + 24, size);
            }
        }
        return zip;
    }

    private static byte[] zipBytes(String name, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private ZipFile zip(String name, byte[] content) throws IOException {
        Path file = Files.createTempFile(dir, "export", ".zip");
        Files.write(file, zipBytes(name, content));
        return new ZipFile(file.toFile());
    }
}
