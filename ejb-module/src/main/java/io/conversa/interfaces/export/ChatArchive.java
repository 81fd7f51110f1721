package io.conversa.interfaces.export;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds the chat text inside a zipped export: {@code _chat.txt} (iOS) first, then the text named as the
 * archive is (Android's "WhatsApp Chat with Ann.zip" holds "WhatsApp Chat with Ann.txt", and may hold
 * another chat as an attached document), then a {@code WhatsApp Chat with ....txt} (Android, in any
 * language), then any other text file that reads as a chat. macOS metadata ({@code __MACOSX/},
 * {@code ._name}) is skipped.
 */
public final class ChatArchive {

    /** The chat text entry of an archive and the format found in it. */
    public record ChatText(ZipEntry entry, ExportFormat format) {
    }

    /** How a candidate text is read for its format: {@link ExportParser#detect} or {@link ExportParser#firstLook}. */
    @FunctionalInterface
    public interface FormatReader {
        ExportFormat read(InputStream text) throws IOException, UnreadableExportException;
    }

    private static final byte[] ZIP_SIGNATURE = {'P', 'K', 3, 4};
    private static final Set<String> FOLDER_METADATA = Set.of(".ds_store", "thumbs.db", "desktop.ini");

    private ChatArchive() {
    }

    /** Whether the bytes, read from their start, begin as a zip archive does (whatever the file's name). */
    public static boolean startsLikeZip(InputStream in) throws IOException {
        return Arrays.equals(in.readNBytes(ZIP_SIGNATURE.length), ZIP_SIGNATURE);
    }

    /**
     * The first text entry, in order of preference, that {@code formats} reads as a chat; empty
     * when none does. Entries are only read, never extracted, so their paths cannot escape anywhere;
     * call {@link ArchiveLimits#check} first, since each is read up to the size the archive states.
     */
    public static Optional<ChatText> find(ZipFile zip, String archiveName, FormatReader formats) throws IOException {
        String sameName = fileName(archiveName).toLowerCase(Locale.ROOT).replaceFirst("\\.zip$", "") + ".txt";
        List<? extends ZipEntry> candidates = zip.stream()
                .filter(ChatArchive::isTextCandidate)
                .sorted(Comparator.<ZipEntry>comparingInt(entry -> preference(entry, sameName)).thenComparing(ZipEntry::getName))
                .toList();
        for (ZipEntry entry : candidates) {
            try (InputStream in = ArchiveLimits.open(zip, entry)) {
                return Optional.of(new ChatText(entry, formats.read(in)));
            } catch (UnreadableExportException notAChat) {
                // Try the next candidate: archives may hold other text files.
            }
        }
        return Optional.empty();
    }

    /**
     * A file of the export itself: not a folder, and not the metadata macOS (its __MACOSX folder, "._name"
     * and .DS_Store files) or Windows' Explorer (Thumbs.db, desktop.ini) leave beside the files it zips.
     */
    public static boolean isExportFile(ZipEntry entry) {
        String path = entry.getName();
        String name = fileName(path);
        return !entry.isDirectory() && !path.startsWith("__MACOSX/") && !path.contains("/__MACOSX/")
                && !name.startsWith("._") && !FOLDER_METADATA.contains(name.toLowerCase(Locale.ROOT));
    }

    private static boolean isTextCandidate(ZipEntry entry) {
        return isExportFile(entry) && fileName(entry.getName()).toLowerCase(Locale.ROOT).endsWith(".txt");
    }

    private static int preference(ZipEntry entry, String sameNameAsArchive) {
        String name = fileName(entry.getName()).toLowerCase(Locale.ROOT);
        if (name.equals("_chat.txt")) {
            return 0;
        }
        if (name.equals(sameNameAsArchive)) {
            return 1;
        }
        return name.contains("whatsapp") ? 2 : 3;
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
