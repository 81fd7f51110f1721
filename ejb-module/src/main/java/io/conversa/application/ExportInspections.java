package io.conversa.application;

import io.conversa.interfaces.export.ArchiveLimits;
import io.conversa.interfaces.export.DateOrder;
import io.conversa.interfaces.export.ExportInspection;
import io.conversa.interfaces.export.ExportSummary;
import io.conversa.interfaces.export.UnreadableExportException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tells what an export holds without importing it (the API twin of {@code bin/conversa inspect}).
 * The upload lives in a temporary file only while it is read.
 */
@Stateless
public class ExportInspections {

    @Inject
    @ConfigProperty(name = "CONVERSA_IMPORT_MAX_UPLOAD_BYTES", defaultValue = "" + ImportService.DEFAULT_MAX_UPLOAD_BYTES)
    long maxUploadBytes;

    /** The limit imports apply to a zip's contents, so that inspecting a zip says what importing it would. */
    @Inject
    @ConfigProperty(name = "CONVERSA_IMPORT_MAX_UNPACKED_BYTES", defaultValue = "" + ArchiveLimits.DEFAULT_MAX_UNPACKED_BYTES)
    long maxUnpackedBytes;

    public ExportSummary inspect(String fileName, InputStream upload, ZoneId zone, DateOrder dateOrder) {
        String name = fileName == null ? "chat.txt" : fileName;
        ExportFileType type = ExportFileType.of(name);
        Path copy = null;
        try {
            copy = Files.createTempFile("conversa-inspect-", type == ExportFileType.ZIP ? ".zip" : ".txt");
            Files.copy(new CountingInput(upload, maxUploadBytes), copy, StandardCopyOption.REPLACE_EXISTING);
            return new ExportInspection(zone, dateOrder, maxUnpackedBytes).inspect(copy, name);
        } catch (UnreadableExportException e) {
            throw new InvalidRequestException(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(copy);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // A leftover temporary file is harmless; the answer matters more.
        }
    }
}
