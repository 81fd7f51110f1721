package io.conversa.interfaces.rest;

import io.conversa.domain.model.conversation.MediaObject;

/**
 * A media file as the API shows it. Media of Cloud API messages carry Meta's media id and are
 * {@code stored} once downloaded, or say why the download failed. {@code url} is a pre-signed link
 * to the file, valid for a few minutes; absent while the file is not stored.
 */
public record MediaView(long id, Long messageId, String fileName, String mimeType, Long sizeBytes, String sha256,
        Integer width, Integer height, Long durationMs, String waMediaId, boolean stored, String downloadError, String url) {

    static MediaView of(MediaObject o, String url) {
        return new MediaView(o.id(), o.messageId(), o.fileName(), o.mimeType(), o.sizeBytes(), o.sha256(),
                o.width(), o.height(), o.durationMs(), o.waMediaId(), o.stored(), o.downloadError(), url);
    }
}
