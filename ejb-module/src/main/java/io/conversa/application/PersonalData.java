package io.conversa.application;

import static io.conversa.infrastructure.persistence.ColumnValues.instant;

import io.conversa.infrastructure.cache.Redis;
import io.conversa.infrastructure.storage.ObjectStorage;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The rights of a person over what Conversa holds about their number: a copy of all of it
 * (messages they wrote or were sent, their media, their account, the audit lines about them), and
 * its erasure everywhere, which leaves only an audit line saying that it happened.
 */
@Stateless
public class PersonalData {

    /** Messages of the number: written by a participant with that phone, or in a Cloud API conversation with it. */
    private static final String THEIR_MESSAGES = "SELECT m.id FROM message m LEFT JOIN participant p ON p.id = m.participant_id"
            + " JOIN conversation c ON c.id = m.conversation_id WHERE p.phone = ?1 OR c.wa_contact_id = ?2";

    /** Edits of their messages, and edits they sent of messages not stored (yet). */
    private static final String THEIR_EDITS = "payload->>'from' = ?2 OR target_wa_id IN (SELECT m.wa_message_id FROM message m"
            + " WHERE m.id IN (" + THEIR_MESSAGES + "))";

    /** Finished imports of the chats the number takes part in. */
    private static final String THEIR_FINISHED_IMPORTS = "status IN ('SUCCEEDED', 'FAILED') AND conversation_id IN"
            + " (SELECT conversation_id FROM participant WHERE phone = ?1 UNION SELECT id FROM conversation WHERE wa_contact_id = ?2)";

    @PersistenceContext
    EntityManager em;

    @Inject
    ObjectStorage storage;

    @Inject
    Redis redis;

    @Inject
    AuditTrail audit;

    @Inject
    MessageIndexing indexing;

    /** May {@code caller} exercise the rights of {@code number}? Admins for anyone, a user for their own number. */
    public static boolean mayActFor(Caller caller, PhoneNumber number) {
        return caller.isAdmin() || caller.name().equals(number.e164());
    }

    /** Writes a zip of everything held about {@code number} to {@code out}. */
    public void export(PhoneNumber number, OutputStream out) {
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            entry(zip, "messages.json", messages(number));
            entry(zip, "edits.json", edits(number));
            entry(zip, "account.json", account(number));
            entry(zip, "audit.json", auditLines(number));
            for (Object[] media : rows("SELECT o.id, o.object_key, coalesce(o.file_name, o.wa_media_id, 'file') FROM media_object o"
                    + " WHERE o.object_key IS NOT NULL AND o.message_id IN (" + THEIR_MESSAGES + ")", number)) {
                zip.putNextEntry(new ZipEntry("media/" + media[0] + "-" + ((String) media[2]).replaceAll("[/\\\\]", "_")));
                try (InputStream file = storage.open((String) media[1])) {
                    file.transferTo(zip);
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Erases every message, edit, event, media file, upload, conversation and account of {@code number},
     * in the database, object storage and search index (cached answers included); returns how many messages went.
     */
    public int erase(PhoneNumber number, Caller caller, String clientAddress) {
        List<Long> ids = query(THEIR_MESSAGES, number).getResultList().stream().map(id -> ((Number) id).longValue()).toList();
        // The upload of a finished import holds the whole chat, their words too; a running import still reads it.
        for (Object key : query("SELECT source_object FROM job WHERE source_object IS NOT NULL AND " + THEIR_FINISHED_IMPORTS,
                number).getResultList()) {
            storage.delete((String) key);
        }
        execute("UPDATE job SET source_object = NULL WHERE source_object IS NOT NULL AND " + THEIR_FINISHED_IMPORTS, number);
        for (Object[] media : rows("SELECT o.id, o.object_key FROM media_object o WHERE o.object_key IS NOT NULL"
                + " AND o.message_id IN (" + THEIR_MESSAGES + ")", number)) {
            storage.delete((String) media[1]);
        }
        execute("DELETE FROM media_object WHERE message_id IN (" + THEIR_MESSAGES + ")", number);
        execute("DELETE FROM message_status WHERE recipient_id = ?2 OR wa_message_id IN (SELECT m.wa_message_id FROM message m"
                + " WHERE m.id IN (" + THEIR_MESSAGES + "))", number);
        execute("DELETE FROM message_reaction WHERE reactor_wa_id = ?2 OR target_wa_id IN (SELECT m.wa_message_id"
                + " FROM message m WHERE m.id IN (" + THEIR_MESSAGES + "))", number);
        execute("DELETE FROM message_edit WHERE " + THEIR_EDITS, number);
        // Other events (errors, unknown kinds) are kept as Meta sent them: any that names their number goes.
        execute("DELETE FROM channel_event WHERE strpos(CAST(payload AS text), '\"' || ?2 || '\"') > 0", number);
        execute("DELETE FROM outbound_message WHERE recipient = ?2", number);
        int messages = execute("DELETE FROM message WHERE id IN (" + THEIR_MESSAGES + ")", number);
        execute("DELETE FROM conversation WHERE wa_contact_id = ?2", number);
        execute("UPDATE conversation c SET message_count = (SELECT count(*) FROM message m WHERE m.conversation_id = c.id)"
                + " WHERE c.id IN (SELECT conversation_id FROM participant WHERE phone = ?1)", number);
        execute("DELETE FROM participant WHERE phone = ?1", number);
        execute("DELETE FROM app_user WHERE phone = ?1", number);
        indexing.forget(ids);
        redis.client().del("login:code:" + number.e164());
        audit.record(caller.name(), String.join(",", caller.roles()), "privacy.erase", number.e164(),
                "erased " + messages + " messages", clientAddress);
        return messages;
    }

    private String messages(PhoneNumber number) {
        JsonArrayBuilder all = Json.createArrayBuilder();
        for (Object[] m : rows("SELECT CAST(c.id AS text), c.title, m.sent_at, m.direction, m.kind, m.body, m.attachment_name,"
                + " m.wa_message_id FROM message m JOIN conversation c ON c.id = m.conversation_id WHERE m.id IN (" + THEIR_MESSAGES
                + ") ORDER BY m.sent_at, m.id", number)) {
            JsonObjectBuilder line = Json.createObjectBuilder().add("conversationId", (String) m[0]).add("conversation", (String) m[1])
                    .add("sentAt", instant(m[2]).toString()).add("kind", (String) m[4]);
            optional(line, "direction", m[3]);
            optional(line, "text", m[5]);
            optional(line, "attachment", m[6]);
            optional(line, "waMessageId", m[7]);
            all.add(line);
        }
        return all.build().toString();
    }

    /** Each text their messages were edited to, in order (messages.json shows the latest), and edits they sent. */
    private String edits(PhoneNumber number) {
        JsonArrayBuilder all = Json.createArrayBuilder();
        for (Object[] e : rows("SELECT target_wa_id, edited_at, body FROM message_edit WHERE " + THEIR_EDITS
                + " ORDER BY edited_at, wa_message_id", number)) {
            JsonObjectBuilder edit = Json.createObjectBuilder().add("waMessageId", (String) e[0]).add("editedAt", instant(e[1]).toString());
            optional(edit, "text", e[2]);
            all.add(edit);
        }
        return all.build().toString();
    }

    private String account(PhoneNumber number) {
        JsonArrayBuilder accounts = Json.createArrayBuilder();
        for (Object[] a : rows("SELECT phone, display_name, created_at FROM app_user WHERE phone = ?1", number)) {
            accounts.add(Json.createObjectBuilder().add("phone", (String) a[0]).add("displayName", (String) a[1])
                    .add("createdAt", instant(a[2]).toString()));
        }
        return accounts.build().toString();
    }

    private String auditLines(PhoneNumber number) {
        JsonArrayBuilder lines = Json.createArrayBuilder();
        for (Object[] a : rows("SELECT occurred_at, action, outcome, client_address FROM audit_log WHERE actor = ?1"
                + " OR target LIKE '%' || ?2 || '%' ORDER BY id", number)) {
            JsonObjectBuilder line = Json.createObjectBuilder().add("at", instant(a[0]).toString()).add("action", (String) a[1])
                    .add("outcome", (String) a[2]);
            optional(line, "from", a[3]);
            lines.add(line);
        }
        return lines.build().toString();
    }

    private static void optional(JsonObjectBuilder line, String name, Object value) {
        if (value != null) {
            line.add(name, value.toString());
        }
    }

    private static void entry(ZipOutputStream zip, String name, String json) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(json.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, PhoneNumber number) {
        return query(sql, number).getResultList();
    }

    private int execute(String sql, PhoneNumber number) {
        return query(sql, number).executeUpdate();
    }

    /** The queries name the number as ?1 in E.164 (participants, accounts) and as ?2 as a wa_id (Cloud API). */
    private Query query(String sql, PhoneNumber number) {
        if (!sql.contains("?1")) { // Hibernate numbers ordinal parameters from ?1
            return em.createNativeQuery(sql.replace("?2", "?1")).setParameter(1, number.waId());
        }
        Query query = em.createNativeQuery(sql).setParameter(1, number.e164());
        return sql.contains("?2") ? query.setParameter(2, number.waId()) : query;
    }
}
