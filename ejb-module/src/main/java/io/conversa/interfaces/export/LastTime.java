package io.conversa.interfaces.export;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.Year;

/**
 * The wall time of the last header read, reused for the next header of the same minute and its date
 * for the next one of the same day: an export's messages come in time order, many a day and often
 * several a minute, and building (and checking) the date and time anew for each cost a sizeable part
 * of a pass. The values are immutable, so sharing them changes nothing for the messages.
 */
final class LastTime {

    private LocalDateTime last;

    /**
     * The wall time of these fields, or null when they name no day (the time's fields must be valid). The
     * date is checked only when it is not the last one's, which was.
     */
    LocalDateTime at(int year, int month, int day, int hour, int minute, int second) {
        LocalDateTime previous = last;
        if (previous != null && previous.getDayOfMonth() == day && previous.getMonthValue() == month
                && previous.getYear() == year) {
            if (previous.getMinute() == minute && previous.getHour() == hour && previous.getSecond() == second) {
                return previous;
            }
            last = LocalDateTime.of(previous.toLocalDate(), LocalTime.of(hour, minute, second));
        } else if (month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))) {
            return null;
        } else {
            last = LocalDateTime.of(LocalDate.of(year, month, day), LocalTime.of(hour, minute, second));
        }
        return last;
    }
}
