package io.conversa.application;

import io.conversa.infrastructure.storage.ObjectStorage;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.ZipEntry;
import org.apache.tika.Tika;

/**
 * Stores the media files of a zip export in object storage, with size, SHA-256, content-detected
 * MIME type and image dimensions, each linked to the message that names it. A file already stored
 * for the conversation (same name and content, a re-import) is not stored twice.
 */
final class ArchiveMedia {

    private static final Logger LOG = Logger.getLogger(ArchiveMedia.class.getName());
    private static final Tika TIKA = new Tika();

    /**
     * Files examined or uploaded at once. One at a time, a file cost about 16 ms, most of it waiting for
     * the storage and the database with the cores idle (docs/BENCHMARKS.md, "A zip with media").
     */
    private static final int IN_FLIGHT = 4;

    /** How far storing the media has come, for the job's progress. */
    interface Progress {
        void stored(long uploadBytes, int files);
    }

    /** Progress reports at most this often: each is a transaction of its own. */
    private static final long REPORT_NANOS = 500_000_000L;

    private final ObjectStorage storage;
    private final Connection connection;
    private final UUID conversationId;
    private final ExecutorService executor;

    ArchiveMedia(ObjectStorage storage, Connection connection, UUID conversationId, ExecutorService executor) {
        this.storage = storage;
        this.connection = connection;
        this.conversationId = conversationId;
        this.executor = executor;
    }

    /**
     * Stores every media entry; returns how many were new. Files are examined and uploaded on the executor,
     * up to {@link #IN_FLIGHT} of each at once, while this thread decides in the zip's order which are new
     * and writes their rows, which the caller commits once every upload has succeeded; on a failure they are
     * rolled back and the uploaded files removed.
     */
    int store(StoredExport export, Progress progress) throws IOException, SQLException, InterruptedException {
        List<ZipEntry> entries = export.mediaEntries();
        long mediaBytes = 0;
        long reported = System.nanoTime();
        Set<String> known = storedFiles();
        Deque<Future<MediaFacts>> examined = new ArrayDeque<>();
        Deque<Future<?>> uploads = new ArrayDeque<>();
        List<String> uploaded = new ArrayList<>();
        int next = 0;
        int stored = 0;
        boolean finished = false;
        try {
            for (ZipEntry entry : entries) {
                while (next < entries.size() && examined.size() < IN_FLIGHT) {
                    ZipEntry ahead = entries.get(next++);
                    examined.add(executor.submit(() -> examine(export, ahead)));
                }
                MediaFacts facts = outcome(examined.remove());
                String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
                if (known.add(name + '\u0000' + facts.sha256())) {
                    String key = "media/" + conversationId + "/" + facts.sha256() + "/" + name;
                    if (uploads.size() == IN_FLIGHT) {
                        outcome(uploads.remove());
                    }
                    uploads.add(executor.submit(() -> upload(export, entry, key, facts.mimeType())));
                    uploaded.add(key);
                    insert(key, name, facts);
                    stored++;
                }
                mediaBytes += entry.getCompressedSize();
                if (System.nanoTime() - reported > REPORT_NANOS) {
                    progress.stored(export.uploadBytesWithMedia(mediaBytes), stored);
                    reported = System.nanoTime();
                }
            }
            while (!uploads.isEmpty()) {
                outcome(uploads.remove());
            }
            finished = true;
            return stored;
        } finally {
            if (!finished) {
                // The import fails: no file is examined after this; the rows written here are rolled back now (the
                // undo may get this very connection from the pool's sharing and commit it), and the files uploaded
                // go too, once their uploads are over (a cancelled upload might still write its file).
                examined.forEach(task -> task.cancel(true));
                rollbackQuietly();
                uploads.forEach(ArchiveMedia::awaitQuietly);
                uploaded.forEach(this::deleteQuietly);
            }
        }
    }

    /** The conversation's stored files as name and SHA-256, so that a re-import does not store a file twice. */
    private Set<String> storedFiles() throws SQLException {
        Set<String> files = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT file_name, sha256 FROM media_object WHERE conversation_id = ? AND file_name IS NOT NULL")) {
            select.setObject(1, conversationId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    files.add(rows.getString(1) + '\u0000' + rows.getString(2));
                }
            }
        }
        return files;
    }

    private Void upload(StoredExport export, ZipEntry entry, String key, String mimeType) throws IOException {
        try (InputStream in = export.open(entry)) {
            storage.put(key, in, mimeType);
        }
        return null;
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not roll back the media rows of a failed import", e);
        }
    }

    private static void awaitQuietly(Future<?> upload) {
        try {
            upload.get();
        } catch (ExecutionException failed) {
            // Reported by the failure that ends the import, or a failure of its own that left no file.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deleteQuietly(String key) {
        try {
            storage.delete(key);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not remove " + key + ", a file of a failed import", e);
        }
    }

    /** The task's result; its failure as the {@link IOException} or unchecked exception it was. */
    private static <T> T outcome(Future<T> task) throws IOException, InterruptedException {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            throw new IllegalStateException("Storing a media file failed", e.getCause());
        }
    }

    /** The messages of conversation {@code ?} that attach a file no stored file carries, as an SQL FROM clause. */
    static final String MISSING_FILES = " FROM message m WHERE m.conversation_id = ? AND m.attachment_name IS NOT NULL"
            + " AND NOT EXISTS (SELECT 1 FROM media_object o WHERE o.conversation_id = m.conversation_id"
            + " AND o.file_name = m.attachment_name)";

    /** Attachments the conversation's messages name for which no file is stored. */
    int missing() throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(DISTINCT m.attachment_name)" + MISSING_FILES)) {
            count.setObject(1, conversationId);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static MediaFacts examine(StoredExport export, ZipEntry entry) throws IOException {
        String mimeType;
        try (InputStream in = export.open(entry)) {
            mimeType = TIKA.detect(in, entry.getName());
        }
        MessageDigest sha256 = sha256();
        long size = 0;
        try (DigestInputStream in = new DigestInputStream(export.open(entry), sha256)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                size += n;
            }
        }
        ImageSize image = mimeType.startsWith("image/") ? ImageSize.of(export, entry) : null;
        Long duration = null;
        if (mimeType.startsWith("audio/") || mimeType.startsWith("video/")) {
            try (InputStream in = export.open(entry)) {
                duration = MediaDuration.millisOf(in, mimeType);
            }
        }
        return new MediaFacts(HexFormat.of().formatHex(sha256.digest()), size, mimeType, image, duration);
    }

    private void insert(String key, String name, MediaFacts facts) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO media_object (conversation_id, message_id,"
                + " object_key, file_name, mime_type, size_bytes, sha256, width, height, duration_ms) VALUES (?, (SELECT id FROM message"
                + " WHERE conversation_id = ? AND attachment_name = ? ORDER BY sent_at, id LIMIT 1), ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, conversationId);
            insert.setObject(2, conversationId);
            insert.setString(3, name);
            insert.setString(4, key);
            insert.setString(5, name);
            insert.setString(6, facts.mimeType());
            insert.setLong(7, facts.size());
            insert.setString(8, facts.sha256());
            insert.setObject(9, facts.image() == null ? null : facts.image().width());
            insert.setObject(10, facts.image() == null ? null : facts.image().height());
            insert.setObject(11, facts.durationMs());
            insert.executeUpdate();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    private record MediaFacts(String sha256, long size, String mimeType, ImageSize image, Long durationMs) {
    }
}
