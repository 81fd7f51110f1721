package io.conversa.interfaces.rest;

import io.conversa.domain.model.conversation.MediaObject;

/** A stored media file as the API shows it. */
public record MediaView(long id, Long messageId, String fileName, String mimeType, Long sizeBytes, String sha256,
        Integer width, Integer height, Long durationMs) {

    static MediaView of(MediaObject o) {
        return new MediaView(o.id(), o.messageId(), o.fileName(), o.mimeType(), o.sizeBytes(), o.sha256(),
                o.width(), o.height(), o.durationMs());
    }
}
