package io.conversa.application;

import io.conversa.infrastructure.storage.ObjectStorage;
import io.conversa.interfaces.export.ArchiveLimits;
import io.conversa.interfaces.export.ChatArchive;
import io.conversa.interfaces.export.ExportFormat;
import io.conversa.interfaces.export.ExportParser;
import io.conversa.interfaces.export.UnreadableExportException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * An uploaded export in object storage: its chat text, openable as often as the parser needs, and
 * the format found in it. A zip is copied to a local temporary file once, because reading its
 * directory needs random access.
 */
final class StoredExport implements AutoCloseable {

    /** What {@link ChatArchive#startsLikeZip} reads of an upload. */
    private static final int ZIP_PROBE_BYTES = 4;

    private final ObjectStorage storage;
    private final String key;
    private final ExportFormat format;
    private final Path zipCopy;
    private final ZipFile zip;
    private final ZipEntry chat;
    private final double uploadBytesPerTextByte;

    private StoredExport(ObjectStorage storage, String key, ExportFormat format, Path zipCopy, ZipFile zip,
            ZipEntry chat, double scale) {
        this.storage = storage;
        this.key = key;
        this.format = format;
        this.zipCopy = zipCopy;
        this.zip = zip;
        this.chat = chat;
        this.uploadBytesPerTextByte = scale;
    }

    /**
     * @param wholeFile whether to read the text's format from all of it ({@link ExportParser#detect}), or only from
     *                  its first lines ({@link ExportParser#firstLook})
     */
    static StoredExport open(ObjectStorage storage, ImportTask task, ExportParser parser, long maxUnpackedBytes,
            boolean wholeFile) throws IOException, UnreadableExportException {
        ChatArchive.FormatReader formats = wholeFile ? parser::detect : parser::firstLook;
        try (InputStream in = new BufferedInputStream(storage.open(task.sourceObject()))) {
            // Told by content, as bin/conversa inspect tells it: a zip named .txt is still a zip, and text named .zip
            // text. The same read of the upload then goes on to detect the text's format or to copy the zip.
            in.mark(ZIP_PROBE_BYTES);
            boolean zip = ChatArchive.startsLikeZip(in);
            in.reset();
            return zip ? copyOfZip(storage, task, formats, maxUnpackedBytes, in)
                    : new StoredExport(storage, task.sourceObject(), formats.read(in), null, null, null, 1.0);
        }
    }

    private static StoredExport copyOfZip(ObjectStorage storage, ImportTask task, ChatArchive.FormatReader formats,
            long maxUnpackedBytes, InputStream in) throws IOException, UnreadableExportException {
        Path copy = Files.createTempFile("conversa-import-", ".zip");
        try {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            ZipFile zip = new ZipFile(copy.toFile());
            ChatArchive.ChatText text;
            try {
                ArchiveLimits.check(zip, maxUnpackedBytes);
                text = ChatArchive.find(zip, task.sourceName(), formats)
                        .orElseThrow(() -> new UnreadableExportException("The zip holds no WhatsApp chat text (.txt)."));
            } catch (UnreadableExportException | IOException | RuntimeException e) {
                zip.close();
                throw e;
            }
            // The chat's share of the upload is what it weighs in the zip; the media's come after it (ArchiveMedia).
            long textSize = text.entry().getSize();
            double scale = textSize > 0 ? (double) text.entry().getCompressedSize() / textSize : 1.0;
            return new StoredExport(storage, task.sourceObject(), text.format(), copy, zip, text.entry(), scale);
        } catch (ZipException e) {
            Files.deleteIfExists(copy);
            throw new UnreadableExportException("The file is not a readable zip archive.");
        } catch (IOException | UnreadableExportException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
    }

    ExportFormat format() {
        return format;
    }

    InputStream openText() throws IOException {
        return zip == null ? storage.open(key) : ArchiveLimits.open(zip, chat);
    }

    /** The archive's files other than the chat text and macOS metadata; none for a text upload. */
    List<ZipEntry> mediaEntries() {
        if (zip == null) {
            return List.of();
        }
        return zip.stream()
                .filter(e -> ChatArchive.isExportFile(e) && !e.getName().equals(chat.getName()))
                .map(ZipEntry.class::cast)
                .toList();
    }

    InputStream open(ZipEntry entry) throws IOException {
        return ArchiveLimits.open(zip, entry);
    }

    /** Progress in upload bytes for a position in the chat text. */
    long uploadBytesAt(long textBytes) {
        return Math.round(textBytes * uploadBytesPerTextByte);
    }

    /** Progress in upload bytes once the chat text and media weighing {@code mediaBytes} in the zip are read. */
    long uploadBytesWithMedia(long mediaBytes) {
        return chat.getCompressedSize() + mediaBytes;
    }

    @Override
    public void close() throws IOException {
        if (zip != null) {
            zip.close();
            Files.deleteIfExists(zipCopy);
        }
    }
}
