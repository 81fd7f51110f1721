package io.conversa.application;

import static io.conversa.infrastructure.persistence.ColumnValues.instant;

import io.conversa.domain.model.audit.AuditEntry;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Writes and reads the append-only audit trail. Lines are written by {@link AuditGroupCommit} and
 * chained by {@link AuditChain}; this is where the rest of the application records and reads them.
 */
@Stateless
public class AuditTrail {

    /** Lines are verified in pages of this many, so verification needs little memory however long the trail. */
    private static final int VERIFY_PAGE = 5_000;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditGroupCommit writer;

    /** What the reader of {@code GET /api/v1/admin/audit/verify} learns: intact, or where the chain first breaks. */
    public record Verification(boolean intact, long linesChecked, Long firstBrokenId, String reason) {
    }

    /** Filters of the audit listing; null means any. Lines come newest first, before {@code beforeId} when given. */
    public record Filter(String actor, String action, String target, Instant from, Instant to, Long beforeId, int limit) {
    }

    /**
     * Records one line and returns once it is committed, whatever becomes of the caller's transaction,
     * so a refused or failed request is recorded too.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void record(String actor, String roles, String action, String target, String outcome, String clientAddress) {
        writer.write(new AuditLine(Instant.now(), actor, roles, action, target, outcome, clientAddress));
    }

    public List<AuditEntry> list(Filter filter) {
        StringBuilder sql = new StringBuilder("SELECT id, occurred_at, actor, roles, action, target, outcome, client_address,"
                + " prev_hash, hash FROM audit_log WHERE true");
        List<Object> parameters = new ArrayList<>();
        condition(sql, parameters, " AND actor = ?", filter.actor());
        condition(sql, parameters, " AND action LIKE ?", filter.action() == null ? null : filter.action() + "%");
        condition(sql, parameters, " AND target LIKE ?", filter.target() == null ? null : "%" + filter.target() + "%");
        condition(sql, parameters, " AND occurred_at >= ?", filter.from() == null ? null : Timestamp.from(filter.from()));
        condition(sql, parameters, " AND occurred_at < ?", filter.to() == null ? null : Timestamp.from(filter.to()));
        condition(sql, parameters, " AND id < ?", filter.beforeId());
        sql.append(" ORDER BY id DESC LIMIT ").append(filter.limit());
        Query query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        return entries(query);
    }

    /** Walks the whole chain in order and reports the first line whose content or link does not hold. */
    public Verification verify() {
        String expectedPrev = AuditEntry.GENESIS;
        long expectedId = 1;
        long checked = 0;
        while (true) {
            List<AuditEntry> page = entries(em.createNativeQuery("SELECT id, occurred_at, actor, roles, action, target, outcome,"
                    + " client_address, prev_hash, hash FROM audit_log WHERE id >= ? ORDER BY id LIMIT " + VERIFY_PAGE)
                    .setParameter(1, expectedId));
            for (AuditEntry line : page) {
                Optional<String> broken = line.id() != expectedId ? Optional.of("line " + expectedId + " is missing")
                        : !line.prevHash().equals(expectedPrev) ? Optional.of("its link to the line before does not match")
                        : !line.intact() ? Optional.of("its content does not match its hash") : Optional.empty();
                if (broken.isPresent()) {
                    return new Verification(false, checked, line.id() != expectedId ? expectedId : line.id(), broken.get());
                }
                checked++;
                expectedId++;
                expectedPrev = line.hash();
            }
            if (page.size() < VERIFY_PAGE) {
                return new Verification(true, checked, null, null);
            }
        }
    }

    private static void condition(StringBuilder sql, List<Object> parameters, String clause, Object value) {
        if (value != null) {
            sql.append(clause);
            parameters.add(value);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<AuditEntry> entries(Query query) {
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> new AuditEntry(((Number) r[0]).longValue(), instant(r[1]), (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8], (String) r[9])).toList();
    }
}
