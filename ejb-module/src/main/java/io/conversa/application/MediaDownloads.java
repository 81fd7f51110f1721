package io.conversa.application;

import io.conversa.infrastructure.messaging.Queues;
import io.conversa.infrastructure.storage.ObjectStorage;
import io.conversa.infrastructure.whatsapp.DownloadedMedia;
import io.conversa.infrastructure.whatsapp.GraphClient;
import io.conversa.infrastructure.whatsapp.GraphRefusal;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.apache.tika.Tika;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fetches the media of Cloud API messages into object storage while Meta still has them (media ids
 * live 7 days): checked against the size and SHA-256 Meta declared, then linked to the message.
 * A download that fails is tried again later; after the third failure the reasons of all three are
 * recorded, so a content mismatch is not hidden behind a last attempt's network error.
 */
@Stateless
public class MediaDownloads {

    static final int MAX_ATTEMPTS = 3;
    private static final Tika TIKA = new Tika();
    private static final Logger LOG = Logger.getLogger(MediaDownloads.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    GraphClient graph;

    @Inject
    ObjectStorage storage;

    @Inject
    Queues queues;

    /** Delay before the second attempt; the third waits four times longer. Shared with the sends. */
    @Inject
    @ConfigProperty(name = "CONVERSA_WHATSAPP_RETRY_BACKOFF", defaultValue = "PT2S")
    Duration backoff;

    /** Notes the media a just-stored message carries and queues its download. */
    public void expect(UUID conversationId, long messageId, String waMediaId, String mimeType, String fileName) {
        List<?> ids = em.createNativeQuery("INSERT INTO media_object (conversation_id, message_id, wa_media_id, mime_type, file_name)"
                        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (wa_media_id) WHERE wa_media_id IS NOT NULL DO NOTHING RETURNING id")
                .setParameter(1, conversationId).setParameter(2, messageId).setParameter(3, waMediaId)
                .setParameter(4, mimeType).setParameter(5, fileName)
                .getResultList();
        if (!ids.isEmpty()) {
            queues.media(((Number) ids.get(0)).longValue(), 1, Duration.ZERO, null);
        }
    }

    /** Makes attempt number {@code attempt}; {@code earlierFailures} says why the ones before failed (null for the first). */
    public void attempt(long mediaObjectId, int attempt, String earlierFailures) {
        List<?> rows = em.createNativeQuery("SELECT o.wa_media_id, CAST(o.conversation_id AS text), o.object_key, c.wa_phone_number_id"
                        + " FROM media_object o JOIN conversation c ON c.id = o.conversation_id WHERE o.id = ?")
                .setParameter(1, mediaObjectId).getResultList();
        if (rows.isEmpty() || ((Object[]) rows.get(0))[2] != null) {
            return; // gone (erased) or stored already
        }
        Object[] row = (Object[]) rows.get(0);
        String waMediaId = (String) row[0];
        try {
            store(mediaObjectId, (String) row[1], waMediaId, (String) row[3]);
        } catch (GraphRefusal refusal) {
            recordFailure(mediaObjectId, failures(earlierFailures, attempt, "Refused by the Graph API: " + refusal.reason()));
        } catch (RuntimeException failure) {
            String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
            LOG.warning(() -> "Media " + waMediaId + " download attempt " + attempt + " failed: " + reason);
            String failures = failures(earlierFailures, attempt, reason);
            if (attempt >= MAX_ATTEMPTS) {
                recordFailure(mediaObjectId, failures);
            } else {
                queues.media(mediaObjectId, attempt + 1, backoff.multipliedBy(1L << (2 * (attempt - 1))), failures);
            }
        }
    }

    private void store(long mediaObjectId, String conversationId, String waMediaId, String phoneNumberId) {
        DownloadedMedia media = graph.download(waMediaId, phoneNumberId);
        try {
            verify(media);
            String mimeType = TIKA.detect(media.file());
            ImageSize image = null;
            Long duration = null;
            try (InputStream in = Files.newInputStream(media.file())) {
                if (mimeType.startsWith("image/")) {
                    image = ImageSize.of(in);
                } else if (mimeType.startsWith("audio/") || mimeType.startsWith("video/")) {
                    duration = MediaDuration.millisOf(in, mimeType);
                }
            }
            String key = "media/" + conversationId + "/" + media.sha256Hex() + "/" + waMediaId;
            try (InputStream in = Files.newInputStream(media.file())) {
                storage.put(key, in, mimeType);
            }
            em.createNativeQuery("UPDATE media_object SET object_key = ?, mime_type = ?, size_bytes = ?, sha256 = ?, width = ?,"
                            + " height = ?, duration_ms = ?, download_error = NULL WHERE id = ?")
                    .setParameter(1, key).setParameter(2, mimeType).setParameter(3, media.size())
                    .setParameter(4, media.sha256Hex()).setParameter(5, image == null ? null : image.width())
                    .setParameter(6, image == null ? null : image.height()).setParameter(7, duration)
                    .setParameter(8, mediaObjectId)
                    .executeUpdate();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(media.file());
            } catch (IOException e) {
                LOG.warning(() -> "Could not delete " + media.file() + ": " + e.getMessage());
            }
        }
    }

    /** A transfer cut short or altered does not match what Meta declared: worth another try. */
    private static void verify(DownloadedMedia media) {
        if (media.declaredSize() != null && media.declaredSize() != media.size()) {
            throw new IllegalStateException("Downloaded " + media.size() + " bytes, Meta declared " + media.declaredSize());
        }
        String declared = media.declaredSha256();
        if (declared != null && !declared.equalsIgnoreCase(media.sha256Hex())
                && !declared.equals(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(media.sha256Hex())))) {
            throw new IllegalStateException("SHA-256 of the download " + media.sha256Hex() + " is not the declared " + declared);
        }
    }

    /** The reasons so far, oldest first: "attempt 1: ...; attempt 2: ...". */
    static String failures(String earlier, int attempt, String reason) {
        String latest = "attempt " + attempt + ": " + reason;
        return earlier == null ? latest : earlier + "; " + latest;
    }

    private void recordFailure(long mediaObjectId, String reason) {
        em.createNativeQuery("UPDATE media_object SET download_error = ? WHERE id = ?")
                .setParameter(1, reason).setParameter(2, mediaObjectId).executeUpdate();
    }
}
