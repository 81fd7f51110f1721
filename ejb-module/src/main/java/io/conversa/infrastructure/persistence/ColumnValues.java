package io.conversa.infrastructure.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** What native queries hand back for a column, in the types the application uses. */
public final class ColumnValues {

    private ColumnValues() {
    }

    /** A timestamptz column, whichever type the driver and Hibernate chose for it; null stays null. */
    public static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return null;
    }
}
