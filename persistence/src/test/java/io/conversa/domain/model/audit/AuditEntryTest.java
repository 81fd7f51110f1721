package io.conversa.domain.model.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditEntryTest {

    private static final Instant AT = Instant.parse("2026-12-01T10:15:30.123456789Z");

    @Test
    void chainsEachLineToThePreviousOne() {
        AuditEntry first = AuditEntry.next(0, AuditEntry.GENESIS, AT, "admin", "admin", "GET /x", null, "200", "127.0.0.1");
        AuditEntry second = AuditEntry.next(first.id(), first.hash(), AT, "admin", "admin", "GET /y", null, "200", null);
        assertThat(first.id()).isEqualTo(1);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(first.intact()).isTrue();
        assertThat(second.intact()).isTrue();
        assertThat(first.occurredAt()).isEqualTo(Instant.parse("2026-12-01T10:15:30.123456Z"));
    }

    @Test
    void detectsAChangedFieldAndTellsNullFromEmpty() {
        AuditEntry line = AuditEntry.next(0, AuditEntry.GENESIS, AT, "analyst", "analyst", "GET /x", "id=1", "200", null);
        AuditEntry changed = new AuditEntry(line.id(), line.occurredAt(), "someone-else", line.roles(), line.action(),
                line.target(), line.outcome(), line.clientAddress(), line.prevHash(), line.hash());
        AuditEntry emptied = new AuditEntry(line.id(), line.occurredAt(), line.actor(), line.roles(), line.action(),
                line.target(), line.outcome(), "", line.prevHash(), line.hash());
        assertThat(changed.intact()).isFalse();
        assertThat(emptied.intact()).isFalse();
    }
}
