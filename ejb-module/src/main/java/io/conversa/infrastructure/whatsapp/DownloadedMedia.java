package io.conversa.infrastructure.whatsapp;

import java.nio.file.Path;

/**
 * A media file fetched from the Graph API into a temporary file, with what was measured while
 * reading it and what Meta declared ({@code declaredSha256} may be hex or base64; either may be null).
 */
public record DownloadedMedia(Path file, String mimeType, long size, String sha256Hex, String declaredSha256,
        Long declaredSize) {
}
