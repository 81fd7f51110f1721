package io.conversa.application;

import io.conversa.domain.model.conversation.Conversation;
import io.conversa.domain.model.conversation.ConversationSource;
import io.conversa.domain.model.conversation.ConversationStatus;
import io.conversa.domain.model.job.Job;
import io.conversa.infrastructure.messaging.Queues;
import io.conversa.infrastructure.storage.ObjectStorage;
import io.conversa.interfaces.export.DateOrder;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Accepts a chat export: streams it to object storage, records the conversation (IMPORTING) and
 * its job, and queues the job. A later export of a chat the caller imported before is merged into
 * that conversation instead: the one the request names, or else the one of the same title, when the
 * file's name names a chat. The import itself happens in {@link ExportIngestion}.
 *
 * <p>An export of a chat whose import is still queued or running is refused ({@link ImportRunningException}).
 * Each check and the new job are one transaction, under a lock held while the upload is stored: an export of
 * the same chat sent meanwhile is refused at once rather than left waiting for the upload to end. A merge named
 * by id locks its conversation only, so merges into different conversations of one generic title ("_chat") go
 * on side by side; a merge by title locks the owner's title and then the conversation it found.
 */
@Stateless
public class ImportService {

    @PersistenceContext
    EntityManager em;

    @Inject
    ObjectStorage storage;

    @Inject
    Queues queues;

    @Inject
    Accounts accounts;

    private static final Set<String> GENERIC_TITLES = Set.of("_chat", "chat", "whatsapp chat");

    /** The default of CONVERSA_IMPORT_MAX_UPLOAD_BYTES, for imports and inspections alike: 4 GiB. */
    static final long DEFAULT_MAX_UPLOAD_BYTES = 4L << 30;

    /** Largest upload accepted; beyond it the upload is refused with 413 and nothing is kept. */
    @Inject
    @ConfigProperty(name = "CONVERSA_IMPORT_MAX_UPLOAD_BYTES", defaultValue = "" + DEFAULT_MAX_UPLOAD_BYTES)
    long maxUploadBytes;

    /**
     * {@code dateOrder} null lets the export's own dates decide day/month order; {@code into} null lets the
     * file's name find the conversation a later export merges into.
     */
    public ImportAccepted accept(Caller caller, String fileName, InputStream upload, ZoneId zone, DateOrder dateOrder,
            UUID into) {
        String name = fileName == null || fileName.isBlank() ? "chat.txt" : fileName;
        ExportFileType type = ExportFileType.of(name); // rejects other files before storing anything
        Long owner = accounts.idOf(caller).orElse(null);
        String title = titleOf(name);
        Conversation earlier = null;
        if (into != null) {
            earlier = importedBefore(owner, into);
            refuseWhileImporting(earlier);
        } else if (namesAChat(title) && owner != null) {
            refuseWhileImporting(owner, title);
            earlier = importedBefore(owner, title);
            if (earlier != null) {
                // A merge named by id into the same conversation may be on its way too; its jobs were checked by title.
                lockForImport(earlier);
            }
        }
        Conversation conversation = earlier != null ? earlier : Conversation.importing(title, zone, owner);
        CountingInput counted = new CountingInput(upload, maxUploadBytes);
        String key = "uploads/" + UUID.randomUUID() + "/" + name.replaceAll("[^\\p{L}\\p{N}._ -]", "_");
        try {
            storage.put(key, counted, type.contentType());
        } catch (RuntimeException e) {
            if (!counted.overLimit()) {
                throw e;
            }
            // The storage client wraps what the stream threw (as RuntimeException), which would answer 500.
            storage.delete(key);
            throw new UploadTooLargeException(maxUploadBytes);
        }
        if (counted.count() == 0) {
            storage.delete(key);
            throw new InvalidRequestException("The uploaded file is empty: there is nothing to import.");
        }
        Job job = Job.importOf(conversation.id(), owner, name, counted.count(), earlier != null);
        job.storedAt(key);
        if (dateOrder != null) {
            job.readDatesAs(dateOrder.name());
        }
        if (earlier == null) {
            em.persist(conversation);
        }
        em.persist(job);
        queues.ingest(job.id());
        return new ImportAccepted(job.id(), conversation.id(), earlier != null);
    }

    /** The caller's ready conversation imported from an export, which the request named; not found otherwise. */
    private Conversation importedBefore(Long owner, UUID id) {
        Conversation named = em.find(Conversation.class, id);
        NotFoundException notFound = new NotFoundException("No conversation " + id + " that an export of yours made, to merge"
                + " this one into.");
        if (owner == null || named == null || !owner.equals(named.ownerId()) || named.source() != ConversationSource.EXPORT) {
            throw notFound;
        }
        if (named.status() != ConversationStatus.READY) {
            // Its first import may still run: then the caller learns to wait, not that the conversation is unknown.
            refuseWhileImporting(named);
            throw notFound;
        }
        return named;
    }

    /** Refuses a merge into {@code conversation} while one of its imports is unfinished. */
    private void refuseWhileImporting(Conversation conversation) {
        lockForImport(conversation);
        refuseIfAny(conversation.title(), em.createNamedQuery("Job.unfinishedImportsOfConversation", UUID.class)
                .setParameter("conversation", conversation.id()));
    }

    /** Takes the conversation's import lock for this transaction, or refuses when another upload holds it. */
    private void lockForImport(Conversation conversation) {
        UUID id = conversation.id();
        // The two-int form: its keys never meet the one-bigint keys of the other advisory locks.
        refuseUnlessLocked(conversation.title(), em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1, ?2)")
                .setParameter(1, (int) (id.getMostSignificantBits() ^ id.getMostSignificantBits() >>> Integer.SIZE))
                .setParameter(2, (int) (id.getLeastSignificantBits() ^ id.getLeastSignificantBits() >>> Integer.SIZE)));
    }

    /** Refuses an export named like a chat of the owner's whose import is unfinished. */
    private void refuseWhileImporting(Long owner, String title) {
        refuseUnlessLocked(title, em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, (long) owner << Integer.SIZE | title.hashCode() & 0xFFFFFFFFL));
        refuseIfAny(title, em.createNamedQuery("Job.unfinishedImportsOfChat", UUID.class).setParameter("owner", owner)
                .setParameter("title", title));
    }

    private static void refuseUnlessLocked(String title, Query tryLock) {
        if (!Boolean.TRUE.equals(tryLock.getSingleResult())) {
            throw new ImportRunningException(title, null);
        }
    }

    private static void refuseIfAny(String title, TypedQuery<UUID> unfinishedJobs) {
        unfinishedJobs.setMaxResults(1).getResultStream().findFirst().ifPresent(running -> {
            throw new ImportRunningException(title, running);
        });
    }

    /** The caller's ready conversation imported from an export with this title, if any. */
    private Conversation importedBefore(Long owner, String title) {
        if (owner == null) {
            return null;
        }
        return em.createNamedQuery("Conversation.importedBefore", Conversation.class)
                .setParameter("owner", owner).setParameter("title", title)
                .setMaxResults(1).getResultStream().findFirst().orElse(null);
    }

    /**
     * Whether a title tells one chat from another: every iOS export's text is "_chat.txt", and an upload
     * without a name is "chat.txt", so exports of different chats share those.
     */
    static boolean namesAChat(String title) {
        return !GENERIC_TITLES.contains(title.toLowerCase(Locale.ROOT));
    }

    /**
     * "WhatsApp Chat with Ana.txt" becomes "Ana", as does "WhatsApp Chat with Ana (1).txt", the name a browser
     * gives a second download of it; anything else keeps its name without extension.
     */
    static String titleOf(String fileName) {
        String base = fileName.replaceFirst("(?i)\\.(txt|zip)$", "").replaceFirst(" \\(\\d{1,3}\\)$", "");
        String lower = base.toLowerCase(Locale.ROOT);
        String prefix = "whatsapp chat with ";
        return lower.startsWith(prefix) ? base.substring(prefix.length()) : base;
    }
}
