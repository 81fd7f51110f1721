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
import java.util.HexFormat;
import java.util.UUID;
import java.util.zip.ZipEntry;
import org.apache.tika.Tika;

/**
 * Stores the media files of a zip export in object storage, with size, SHA-256, content-detected
 * MIME type and image dimensions, each linked to the message that names it. A file already stored
 * for the conversation (same name and content, a re-import) is not stored twice.
 */
final class ArchiveMedia {

    private static final Tika TIKA = new Tika();

    private final ObjectStorage storage;
    private final Connection connection;
    private final UUID conversationId;

    ArchiveMedia(ObjectStorage storage, Connection connection, UUID conversationId) {
        this.storage = storage;
        this.connection = connection;
        this.conversationId = conversationId;
    }

    /** Stores every media entry; returns how many were new. */
    int store(StoredExport export) throws IOException, SQLException {
        int stored = 0;
        for (ZipEntry entry : export.mediaEntries()) {
            String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
            MediaFacts facts = examine(export, entry);
            if (!alreadyStored(name, facts.sha256())) {
                String key = "media/" + conversationId + "/" + facts.sha256() + "/" + name;
                try (InputStream in = export.open(entry)) {
                    storage.put(key, in, facts.mimeType());
                }
                insert(key, name, facts);
                stored++;
            }
        }
        connection.commit();
        return stored;
    }

    /** Attachments the conversation's messages name for which no file is stored. */
    int missing() throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(DISTINCT m.attachment_name) FROM message m"
                + " WHERE m.conversation_id = ? AND m.attachment_name IS NOT NULL AND NOT EXISTS (SELECT 1 FROM media_object o"
                + " WHERE o.conversation_id = m.conversation_id AND o.file_name = m.attachment_name)")) {
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

    private boolean alreadyStored(String name, String sha256) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM media_object WHERE conversation_id = ? AND file_name = ? AND sha256 = ?")) {
            select.setObject(1, conversationId);
            select.setString(2, name);
            select.setString(3, sha256);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        }
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
