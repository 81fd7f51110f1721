package io.conversa.infrastructure.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CopyTextTest {

    private static final UUID CONVERSATION = UUID.fromString("527ba238-5e4f-47a6-a0c5-59bdfc6fdc90");
    private static final UUID JOB = UUID.fromString("74cd6270-3beb-4835-89e9-f50831d60610");

    private static String copyText(Long participant, MessageRow row) {
        QueuedBatch batch = new QueuedBatch(new long[] {41}, new Long[] {participant}, List.of(row));
        return new String(CopyText.of(batch, CONVERSATION, JOB), StandardCharsets.UTF_8);
    }

    @Test
    void writesOneTabSeparatedLinePerMessageInTheOrderOfItsColumns() {
        MessageRow row = new MessageRow("Ana", 7, Instant.parse("2022-03-18T13:56:00Z"), LocalDateTime.of(2022, 3, 18, 14, 56),
                "ATTACHMENT", "Bom dia! 👋", "IMG-1.jpg", true, "{\"options\":[\"a\"]}", -4710997557618224019L);
        assertThat(copyText(3L, row)).isEqualTo("41\t" + CONVERSATION + "\t3\t7\t2022-03-18 13:56:00+00\t2022-03-18 14:56:00\tATTACHMENT\t"
                + "Bom dia! 👋\tIMG-1.jpg\tt\t{\"options\":[\"a\"]}\t" + JOB + "\t-4710997557618224019\n");
        assertThat(CopyText.COLUMNS.split(", ")).hasSize(13);
    }

    @Test
    void writesNullsAsBackslashN() {
        MessageRow row = new MessageRow(null, 0, Instant.parse("2022-03-18T13:56:00Z"), null, "SYSTEM", null, null, false,
                null, 1L);
        assertThat(copyText(null, row)).isEqualTo("41\t" + CONVERSATION + "\t\\N\t0\t2022-03-18 13:56:00+00\t\\N\tSYSTEM\t"
                + "\\N\t\\N\tf\t\\N\t" + JOB + "\t1\n");
    }

    @Test
    void writesFractionsOfASecondAndYearsOfOtherLengthsSoThatPostgresqlReadsThemBack() {
        MessageRow row = new MessageRow(null, 0, Instant.parse("2022-03-18T13:56:07.004500Z"), LocalDateTime.of(999, 1, 2, 3, 4, 5, 60),
                "SYSTEM", null, null, false, null, 1L);
        assertThat(copyText(null, row)).contains("\t2022-03-18 13:56:07.004500000+00\t0999-01-02T03:04:05.000000060\t");
    }

    @Test
    void escapesWhatCopySeparatesRowsAndColumnsBy() {
        MessageRow row = new MessageRow("Ana", 0, Instant.parse("2022-03-18T13:56:00Z"), null, "TEXT",
                "line one\r\nline\ttwo C:\\temp \\N", "a\\b.pdf", false, null, 1L);
        assertThat(copyText(3L, row)).contains("\tline one\\r\\nline\\ttwo C:\\\\temp \\\\N\ta\\\\b.pdf\t")
                .endsWith("\t1\n");
        assertThat(copyText(3L, row).chars().filter(c -> c == '\n')).hasSize(1);
    }
}
