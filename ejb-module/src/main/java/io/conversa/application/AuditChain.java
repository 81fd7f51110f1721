package io.conversa.application;

import io.conversa.domain.model.audit.AuditEntry;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import javax.sql.DataSource;

/**
 * Appends lines to the audit chain in one transaction of their own, under a transaction-scoped
 * advisory lock, so the chain stays a single line even with several servers on one database.
 */
@Stateless
public class AuditChain {

    /** Any fixed number: the advisory lock that serialises writers of the chain. */
    private static final long CHAIN_LOCK = 7_312_001L;

    @Resource(lookup = "jdbc/conversa")
    DataSource database;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void append(List<AuditLine> lines) {
        try (Connection c = database.getConnection()) {
            try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, CHAIN_LOCK);
                lock.execute();
            }
            long lastId = 0;
            String lastHash = AuditEntry.GENESIS;
            try (PreparedStatement last = c.prepareStatement("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
                    ResultSet row = last.executeQuery()) {
                if (row.next()) {
                    lastId = row.getLong(1);
                    lastHash = row.getString(2);
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_log (id, occurred_at, actor, roles, action,"
                    + " target, outcome, client_address, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (AuditLine line : lines) {
                    AuditEntry entry = AuditEntry.next(lastId, lastHash, line.at(), line.actor(), line.roles(),
                            truncate(line.action(), 200), truncate(line.target(), 500), line.outcome(), line.clientAddress());
                    insert.setLong(1, entry.id());
                    insert.setTimestamp(2, Timestamp.from(entry.occurredAt()));
                    insert.setString(3, entry.actor());
                    insert.setString(4, entry.roles());
                    insert.setString(5, entry.action());
                    insert.setString(6, entry.target());
                    insert.setString(7, entry.outcome());
                    insert.setString(8, entry.clientAddress());
                    insert.setString(9, entry.prevHash());
                    insert.setString(10, entry.hash());
                    insert.addBatch();
                    lastId = entry.id();
                    lastHash = entry.hash();
                }
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not append " + lines.size() + " audit lines", e);
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
