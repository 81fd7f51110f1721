package io.conversa.domain.model.conversation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.UUID;

/** A media file of a conversation in object storage, linked to the message that carried it. */
@Entity
@Table(name = "media_object")
@NamedQuery(name = "MediaObject.ofConversation",
        query = "SELECT o FROM MediaObject o WHERE o.conversationId = :conversation ORDER BY o.id")
public class MediaObject {

    @Id
    private Long id;

    @Column(name = "conversation_id")
    private UUID conversationId;

    @Column(name = "message_id")
    private Long messageId;

    @Column(name = "object_key")
    private String objectKey;

    @Column(name = "file_name")
    private String fileName;

    @Column(name = "mime_type")
    private String mimeType;

    @Column(name = "size_bytes")
    private Long sizeBytes;

    private String sha256;

    /** The Graph API media id of a Cloud API message's file; null for media from exports. */
    @Column(name = "wa_media_id")
    private String waMediaId;

    /** Why the file could not be fetched from the Graph API; null while pending or once stored. */
    @Column(name = "download_error")
    private String downloadError;

    private Integer width;
    private Integer height;

    @Column(name = "duration_ms")
    private Long durationMs;

    protected MediaObject() {
    }

    public Long id() {
        return id;
    }

    public Long messageId() {
        return messageId;
    }

    public String objectKey() {
        return objectKey;
    }

    public String fileName() {
        return fileName;
    }

    public String mimeType() {
        return mimeType;
    }

    public Long sizeBytes() {
        return sizeBytes;
    }

    public String sha256() {
        return sha256;
    }

    public Integer width() {
        return width;
    }

    public Integer height() {
        return height;
    }

    public Long durationMs() {
        return durationMs;
    }

    public String waMediaId() {
        return waMediaId;
    }

    public String downloadError() {
        return downloadError;
    }

    /** True once the file is in object storage. */
    public boolean stored() {
        return objectKey != null;
    }
}
