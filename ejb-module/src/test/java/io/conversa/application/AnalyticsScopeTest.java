package io.conversa.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AnalyticsScopeTest {

    private static final UUID CHAT = UUID.randomUUID();

    @Test
    void monthsAreTheFirstDaysOfTheMonthsOfTheChangedDays() {
        AnalyticsScope months = AnalyticsScope.months(CHAT, List.of(LocalDate.of(2016, 8, 31), LocalDate.of(2016, 9, 1),
                LocalDate.of(2016, 8, 2)));
        assertThat(months.units()).containsExactly(LocalDate.of(2016, 8, 1), LocalDate.of(2016, 9, 1));
        assertThat(months.toString()).isEqualTo("2 months 2016-08-01..2016-09-01");
    }

    @Test
    void theTimeRangeHoldsEveryMessageOfTheDaysWhateverTheZone() {
        LocalDate day = LocalDate.of(2021, 4, 13);
        AnalyticsScope days = AnalyticsScope.days(CHAT, List.of(day));
        // The first and last instants of that wall-clock day, in the zones furthest east and west.
        OffsetDateTime earliest = day.atStartOfDay(ZoneId.of("Pacific/Kiritimati")).toOffsetDateTime();
        OffsetDateTime latest = day.plusDays(1).atStartOfDay(ZoneId.of("Etc/GMT+12")).toOffsetDateTime().minusNanos(1);
        assertThat(days.lower()).isBeforeOrEqualTo(earliest);
        assertThat(days.upper()).isAfter(latest);
    }

    @Test
    void aMonthsRangeEndsAfterItsLastDay() {
        AnalyticsScope months = AnalyticsScope.months(CHAT, List.of(LocalDate.of(2016, 2, 10)));
        assertThat(months.upper()).isEqualTo(OffsetDateTime.of(2016, 3, 2, 0, 0, 0, 0, ZoneOffset.UTC));
        assertThat(months.lower()).isEqualTo(OffsetDateTime.of(2016, 1, 31, 0, 0, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void theWholeConversationNeedsNoRangeAndNothingChangedNeedsNoWork() {
        assertThat(AnalyticsScope.whole(CHAT).messages()).isEqualTo("m.conversation_id = ?");
        assertThat(AnalyticsScope.whole(CHAT).windowArgs(1800)).containsExactly(CHAT);
        assertThat(AnalyticsScope.days(CHAT, List.of()).isEmpty()).isTrue();
        assertThat(AnalyticsScope.whole(CHAT).isEmpty()).isFalse();
    }

    @Test
    void theReplyWindowReachesOneSessionGapIntoThePreviousDay() {
        AnalyticsScope days = AnalyticsScope.days(CHAT, List.of(LocalDate.of(2016, 9, 1)));
        assertThat(days.windowArgs(1800)).containsExactly(CHAT, days.lower().minusSeconds(1800), days.upper());
        assertThat(days.messages()).contains("m.sent_at >= ?", "IN (SELECT unnest(?::date[]))");
    }
}
