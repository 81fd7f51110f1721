package io.conversa.domain.model.job;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Background work a caller can follow: status, progress in bytes and messages, and why it failed. */
@Entity
@Table(name = "job")
@NamedQuery(name = "Job.unfinishedImportsOfChat",
        query = "SELECT j.id FROM Job j, Conversation c WHERE c.id = j.conversationId AND c.ownerId = :owner"
                + " AND c.title = :title AND c.source = io.conversa.domain.model.conversation.ConversationSource.EXPORT"
                + " AND j.kind = 'IMPORT' AND j.status IN (io.conversa.domain.model.job.JobStatus.QUEUED,"
                + " io.conversa.domain.model.job.JobStatus.RUNNING) ORDER BY j.createdAt")
@NamedQuery(name = "Job.unfinishedImportsOfConversation",
        query = "SELECT j.id FROM Job j WHERE j.conversationId = :conversation AND j.kind = 'IMPORT'"
                + " AND j.status IN (io.conversa.domain.model.job.JobStatus.QUEUED, io.conversa.domain.model.job.JobStatus.RUNNING)"
                + " ORDER BY j.createdAt")
public class Job {

    public static final String IMPORT = "IMPORT";

    @Id
    private UUID id;

    private String kind;

    @Enumerated(EnumType.STRING)
    private JobStatus status;

    @Column(name = "conversation_id")
    private UUID conversationId;

    @Column(name = "created_by")
    private Long createdBy;

    @Column(name = "source_object")
    private String sourceObject;

    @Column(name = "source_name")
    private String sourceName;

    @Column(name = "date_order")
    private String dateOrder;

    @Column(name = "bytes_total")
    private Long bytesTotal;

    @Column(name = "bytes_done")
    private long bytesDone;

    @Column(name = "messages_done")
    private int messagesDone;

    @Column(name = "messages_new")
    private int messagesNew;

    @Column(name = "messages_given_files")
    private int messagesGivenFiles;

    @Column(name = "messages_edited")
    private int messagesEdited;

    @Column(name = "messages_indexed")
    private int messagesIndexed;

    @Column(name = "media_stored")
    private int mediaStored;

    @Column(name = "media_missing")
    private int mediaMissing;

    private boolean merged;

    private int participants;

    private String error;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    /** How many times the job started: more than once only when a stop of the server cut a run short. */
    private int runs;

    protected Job() {
    }

    /** An import into {@code conversationId}; {@code merged} when that conversation was imported before. */
    public static Job importOf(UUID conversationId, Long createdBy, String sourceName, long bytesTotal, boolean merged) {
        Job job = new Job();
        job.id = UUID.randomUUID();
        job.kind = IMPORT;
        job.status = JobStatus.QUEUED;
        job.conversationId = conversationId;
        job.createdBy = createdBy;
        job.sourceName = sourceName;
        job.bytesTotal = bytesTotal;
        job.merged = merged;
        job.createdAt = Instant.now();
        return job;
    }

    public void storedAt(String objectKey) {
        sourceObject = objectKey;
    }

    /** The caller's answer when an export's dates cannot tell day from month (e.g. all days <= 12). */
    public void readDatesAs(String order) {
        dateOrder = order;
    }

    public void start() {
        status = JobStatus.RUNNING;
        startedAt = Instant.now();
        runs++;
    }

    /** {@code messages} are written or found already stored; {@code added} of them were new. */
    public void progress(long bytes, int messages, int added) {
        bytesDone = bytes;
        messagesDone = messages;
        messagesNew = added;
    }

    /** A zip's media are being stored: {@code bytes} of the upload are read, {@code stored} files new so far. */
    public void mediaProgress(long bytes, int stored) {
        bytesDone = bytes;
        mediaStored = stored;
    }

    /** The search index holds this many of the import's messages. */
    public void indexed(int messages) {
        messagesIndexed = messages;
    }

    public void succeed(ImportCounts counts) {
        status = JobStatus.SUCCEEDED;
        messagesDone = counts.messagesRead();
        messagesNew = counts.messagesNew();
        messagesGivenFiles = counts.messagesGivenFiles();
        messagesEdited = counts.messagesEdited();
        participants = counts.participants();
        mediaStored = counts.mediaStored();
        mediaMissing = counts.mediaMissing();
        if (bytesTotal != null) {
            bytesDone = bytesTotal;
        }
        finishedAt = Instant.now();
    }

    public void fail(String reason) {
        status = JobStatus.FAILED;
        error = reason;
        // Nothing of a failed import is kept, in the index neither (its undo took them out).
        messagesNew = 0;
        messagesGivenFiles = 0;
        messagesEdited = 0;
        messagesIndexed = 0;
        mediaStored = 0;
        finishedAt = Instant.now();
    }

    public int runs() {
        return runs;
    }

    public boolean isFinished() {
        return status == JobStatus.SUCCEEDED || status == JobStatus.FAILED;
    }

    public UUID id() {
        return id;
    }

    public String kind() {
        return kind;
    }

    public JobStatus status() {
        return status;
    }

    public UUID conversationId() {
        return conversationId;
    }

    public Long createdBy() {
        return createdBy;
    }

    public String sourceObject() {
        return sourceObject;
    }

    public String sourceName() {
        return sourceName;
    }

    public String dateOrder() {
        return dateOrder;
    }

    public Long bytesTotal() {
        return bytesTotal;
    }

    public long bytesDone() {
        return bytesDone;
    }

    public int messagesDone() {
        return messagesDone;
    }

    public int messagesNew() {
        return messagesNew;
    }

    public int messagesIndexed() {
        return messagesIndexed;
    }

    /**
     * Of the messages already stored, those stored without their file (an export without media) that this
     * import gave the file its export holds.
     */
    public int messagesGivenFiles() {
        return messagesGivenFiles;
    }

    /**
     * Of the messages already stored, those stored as they were before their sender edited them (an export taken
     * within the 15 minutes WhatsApp allows for an edit) that this import gave the edited text its export holds.
     */
    public int messagesEdited() {
        return messagesEdited;
    }

    /** Messages of the export that were already stored (a re-import of the same chat), so far. */
    public int messagesSkipped() {
        return status == JobStatus.FAILED ? 0 : messagesDone - messagesNew;
    }

    public int participants() {
        return participants;
    }

    public int mediaStored() {
        return mediaStored;
    }

    public int mediaMissing() {
        return mediaMissing;
    }

    public boolean merged() {
        return merged;
    }

    public String error() {
        return error;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}
