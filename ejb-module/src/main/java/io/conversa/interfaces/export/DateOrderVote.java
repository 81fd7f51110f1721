package io.conversa.interfaces.export;

/**
 * Decides a file's date order from all its header dates: a leading year means year/month/day, a
 * first field above 12 means day/month, a second field above 12 means month/day. Keeps counts and
 * the first deciding date of each kind, so memory stays constant whatever the file size.
 */
final class DateOrderVote {

    private long headers;
    private long yearFirst;
    private long dayFirst;
    private long monthFirst;
    private String yearFirstExample;
    private String dayFirstExample;
    private String monthFirstExample;

    void add(HeaderMatcher header, long lineNumber) {
        headers++;
        if (header.yearFirst()) {
            if (yearFirst++ == 0) {
                yearFirstExample = example(header, lineNumber);
            }
        } else if (header.first() > 12 && header.second() <= 12) {
            if (dayFirst++ == 0) {
                dayFirstExample = example(header, lineNumber);
            }
        } else if (header.second() > 12 && header.first() <= 12) {
            if (monthFirst++ == 0) {
                monthFirstExample = example(header, lineNumber);
            }
        }
    }

    private static String example(HeaderMatcher header, long lineNumber) {
        return "line " + lineNumber + " (\"" + header.dateText() + "\")";
    }

    long headers() {
        return headers;
    }

    /** The order the dates so far decide, or null when none tells day and month apart. */
    DateOrder decidedOrder() {
        if (yearFirst > 0 && yearFirst >= Math.max(dayFirst, monthFirst)) {
            return DateOrder.YEAR_MONTH_DAY;
        }
        if (dayFirst != monthFirst) {
            return dayFirst > monthFirst ? DateOrder.DAY_MONTH_YEAR : DateOrder.MONTH_DAY_YEAR;
        }
        return null;
    }

    /**
     * The format for {@code layout}: the order the dates decide; when they cannot, {@code requested} or
     * else {@link ExportParser#DEFAULT_ORDER}. A requested order the dates contradict is refused, since
     * reading the file that way would lose the messages whose dates cannot exist in it.
     */
    ExportFormat decide(HeaderLayout layout, DateOrder requested) throws UnreadableExportException {
        DateOrder decided = decidedOrder();
        if (decided != null) {
            String reason = switch (decided) {
                case YEAR_MONTH_DAY -> "dates start with the year, e.g. " + yearFirstExample;
                case DAY_MONTH_YEAR -> "a date has a first field above 12, so it starts with the day: " + dayFirstExample;
                case MONTH_DAY_YEAR -> "a date has a second field above 12, so it starts with the month: " + monthFirstExample;
            };
            if (requested != null && requested != decided) {
                throw new UnreadableExportException("The import asked for dates in " + requested
                        + " order, but this file's dates are " + decided + ": " + reason + ".");
            }
            return new ExportFormat(layout, decided, OrderSource.FILE_DATES, reason, headers);
        }
        if (requested != null) {
            return new ExportFormat(layout, requested, OrderSource.REQUESTED,
                    "no date in the file tells day and month apart; the import asked for " + requested, headers);
        }
        return new ExportFormat(layout, ExportParser.DEFAULT_ORDER, OrderSource.DEFAULT,
                "no date in the file tells day and month apart; assumed " + ExportParser.DEFAULT_ORDER, headers);
    }
}
