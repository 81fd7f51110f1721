package io.conversa.application;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conversa.interfaces.export.UnreadableExportException;
import java.io.IOException;
import java.io.OutputStream;
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
        for (String name : new String[] {"../evil.txt", "a/../../evil.txt", "/etc/passwd"}) {
            try (ZipFile zip = zip(name, "x".getBytes())) {
                assertThatThrownBy(() -> ArchiveLimits.check(zip, Long.MAX_VALUE))
                        .isInstanceOf(UnreadableExportException.class).hasMessageContaining("outside itself");
            }
        }
    }

    private ZipFile zip(String name, byte[] content) throws IOException {
        Path file = Files.createTempFile(dir, "export", ".zip");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return new ZipFile(file.toFile());
    }
}
