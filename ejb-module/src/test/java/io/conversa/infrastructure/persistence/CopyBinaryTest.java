package io.conversa.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The bytes as PostgreSQL's binary COPY reads them; that PostgreSQL stores them so is ImportFlowIT's. */
class CopyBinaryTest {

    private static final UUID CONVERSATION = UUID.fromString("527ba238-5e4f-47a6-a0c5-59bdfc6fdc90");
    private static final UUID JOB = UUID.fromString("74cd6270-3beb-4835-89e9-f50831d60610");
    private static final Instant POSTGRES_EPOCH = Instant.parse("2000-01-01T00:00:00Z");

    /** The columns of each row, each as its bytes, null for a null column. */
    private static List<List<byte[]>> rows(QueuedBatch batch) throws IOException {
        DataInputStream in = new DataInputStream(CopyBinary.of(batch, CONVERSATION, JOB));
        assertThat(in.readNBytes(11)).isEqualTo("PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(in.readInt()).as("flags").isZero();
        assertThat(in.readInt()).as("header extension").isZero();
        List<List<byte[]>> rows = new ArrayList<>();
        for (short count = in.readShort(); count != -1; count = in.readShort()) {
            List<byte[]> columns = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int length = in.readInt();
                columns.add(length == -1 ? null : in.readNBytes(length));
            }
            rows.add(columns);
        }
        assertThat(in.read()).as("nothing after the trailer").isEqualTo(-1);
        return rows;
    }

    private static long bigint(byte[] column) throws IOException {
        assertThat(column).hasSize(8);
        return new DataInputStream(new ByteArrayInputStream(column)).readLong();
    }

    private static UUID uuid(byte[] column) throws IOException {
        assertThat(column).hasSize(16);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(column));
        return new UUID(in.readLong(), in.readLong());
    }

    private static String text(byte[] column) {
        return new String(column, StandardCharsets.UTF_8);
    }

    @Test
    void writesEachColumnInItsTypesBinaryFormInTheOrderOfColumns() throws IOException {
        Instant sent = Instant.parse("2022-03-18T13:56:00Z");
        MessageRow row = new MessageRow("Ana", 7, sent, LocalDateTime.of(2022, 3, 18, 14, 56), "POLL",
                "Bom dia! 👋 tab\there C:\\temp \\N\r\nnext", "IMG-1.jpg", true, "{\"pollOptions\":[\"a\"]}", -4710997557618224019L,
                8_123_456_789L, 1);
        List<List<byte[]>> rows = rows(new QueuedBatch(new long[] {41, 42}, new Long[] {3L, 3L}, List.of(row, row)));

        assertThat(rows).hasSize(2);
        List<byte[]> columns = rows.get(0);
        assertThat(columns).hasSize(CopyBinary.COLUMNS.split(", ").length);
        assertThat(bigint(columns.get(0))).isEqualTo(41);
        assertThat(uuid(columns.get(1))).isEqualTo(CONVERSATION);
        assertThat(bigint(columns.get(2))).isEqualTo(3);
        assertThat(columns.get(3)).containsExactly(0, 0, 0, 7);
        assertThat(bigint(columns.get(4))).isEqualTo(ChronoUnit.MICROS.between(POSTGRES_EPOCH, sent));
        assertThat(bigint(columns.get(5))).as("the wall time, counted as if it were UTC")
                .isEqualTo(ChronoUnit.MICROS.between(POSTGRES_EPOCH, sent.plusSeconds(3600)));
        assertThat(text(columns.get(6))).isEqualTo("POLL");
        assertThat(text(columns.get(7))).as("nothing escaped").isEqualTo("Bom dia! 👋 tab\there C:\\temp \\N\r\nnext");
        assertThat(text(columns.get(8))).isEqualTo("IMG-1.jpg");
        assertThat(columns.get(9)).containsExactly(1);
        assertThat(columns.get(10)[0]).as("jsonb's version").isEqualTo((byte) 1);
        assertThat(new String(columns.get(10), 1, columns.get(10).length - 1, StandardCharsets.UTF_8))
                .isEqualTo("{\"pollOptions\":[\"a\"]}");
        assertThat(uuid(columns.get(11))).isEqualTo(JOB);
        assertThat(bigint(columns.get(12))).isEqualTo(-4710997557618224019L);
        assertThat(bigint(columns.get(13))).isEqualTo(8_123_456_789L);
        assertThat(bigint(rows.get(1).get(0))).isEqualTo(42);
    }

    @Test
    void writesNullsAsALengthOfMinusOne() throws IOException {
        MessageRow row = new MessageRow(null, 0, Instant.parse("1999-12-31T23:59:59Z"), null, "SYSTEM", null, null, false,
                null, 1L, null, 0);
        List<byte[]> columns = rows(new QueuedBatch(new long[] {41}, new Long[] {null}, List.of(row))).get(0);

        assertThat(columns.get(2)).as("participant").isNull();
        assertThat(bigint(columns.get(4))).as("before PostgreSQL's epoch").isEqualTo(-1_000_000);
        assertThat(columns.get(5)).as("local time").isNull();
        assertThat(columns.subList(7, 9)).as("body, attachment").containsOnlyNulls();
        assertThat(columns.get(9)).containsExactly(0);
        assertThat(columns.get(10)).as("metadata").isNull();
        assertThat(columns.get(13)).as("media fingerprint").isNull();
    }

    @Test
    void roundsFractionsToTheNearestMicrosecondHalfToEvenAsPostgresqlDoes() {
        Instant second = LocalDateTime.of(2022, 3, 18, 13, 56, 7).toInstant(ZoneOffset.UTC);
        long micros = ChronoUnit.MICROS.between(POSTGRES_EPOCH, second);

        assertThat(CopyBinary.microseconds(second.plusNanos(4_500_000))).isEqualTo(micros + 4500);
        assertThat(CopyBinary.microseconds(second.plusNanos(1_499))).isEqualTo(micros + 1);
        assertThat(CopyBinary.microseconds(second.plusNanos(500))).isEqualTo(micros);
        assertThat(CopyBinary.microseconds(second.plusNanos(1_500))).isEqualTo(micros + 2);
        assertThat(CopyBinary.microseconds(second.plusNanos(999_999_600))).isEqualTo(micros + 1_000_000);
    }
}
