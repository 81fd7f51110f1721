package io.conversa.interfaces.export;

import java.time.LocalDateTime;

/**
 * Recognizes message header lines ({@code 18/03/2022, 14:56 - }, {@code [3/18/22, 2:56:01 PM] },
 * {@code [14:56:01, 18/3/2022] }, {@code ١٨/٣/٢٠٢٢، ٢:٥٦ م - }, {@code 2022. 3. 18. 오후 2:56 - }...)
 * and holds the fields of the last one matched, like a {@link java.util.regex.Matcher}. The date is
 * kept as three raw numbers because their order is decided per file, not per line. Lines must
 * already be free of direction marks. Not thread-safe: one instance per pass.
 *
 * <p>The grammar, where SP is a space, no-break space (U+00A0), narrow no-break space (U+202F) or thin
 * space, N a decimal digit of any script, and WORD one or two words of letters, marks and dots
 * (an AM/PM marker such as "p. m." or a connector such as "klo"):
 * <pre>
 * ANDROID         DATE SEPARATOR TIME SP? ('-' | '–') (SP | end)
 * IOS             '[' DATE SEPARATOR TIME SP? ']' SP?
 * IOS_TIME_FIRST  '[' TIME SEPARATOR DATE SP? ']' SP?
 * DATE            ERA? N{1,4} SP? [./-年] SP? N{1,2} SP? [./-月] SP? N{1,4} [.日]?
 * SEPARATOR       [,،] SP* | SP+
 * TIME            (WORD SP?)? N{1,2} [:.] N{2} ([:.] N{2})? (SP? WORD)? '.'?
 * </pre>
 * It is scanned by hand rather than by a regular expression: every line of an export goes through
 * it, and the scanner is several times faster. Nearly every header is ASCII, so a line is first
 * scanned as its raw bytes; only when the scan meets a byte that is not ASCII (other digits, a
 * localized marker, a direction mark, the byte-order mark) is the line decoded and scanned again.
 */
final class HeaderMatcher {

    /** The line for code that reads it as characters: the decoded line, or its bytes through {@link #charAt}. */
    private final class AsciiView implements CharSequence {
        @Override
        public char charAt(int index) {
            return HeaderMatcher.this.charAt(index);
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public CharSequence subSequence(int from, int to) {
            return text(from, to);
        }
    }

    /** The bytes of {@code 18/03/2022, 14:56 - }, the header {@link #plainAndroid} reads, and of its date. */
    private static final int PLAIN_ANDROID_LENGTH = 20;
    private static final int PLAIN_ANDROID_DATE_LENGTH = 10;
    // Masks over the three words plainAndroid reads (byte i of a word is its bits 8i to 8i + 7).
    /** "18/03/20": digits but at 2 and 5. */
    private static final long DATE_DIGITS = 0xFFFF_00FF_FF00_FFFFL;
    /** "22, 14:5": digits at 0, 1, 4, 5 and 7; ", " at 2 and 3, ':' at 6. */
    private static final long YEAR_AND_TIME_DIGITS = 0xFF00_FFFF_0000_FFFFL;
    private static final long TIME_PUNCTUATION = 0x00FF_0000_FFFF_0000L;
    private static final long TIME_PUNCTUATION_BYTES = (long) ':' << 48 | (long) ' ' << 24 | (long) ',' << 16;
    /** "14:56 - ": the minute's last digit at 4, " -" at 5 and 6 (the space at 7 may be past the line). */
    private static final long MINUTE_DIGITS = 0x0000_00FF_0000_0000L;
    private static final long DASH = 0x00FF_FF00_0000_0000L;
    private static final long DASH_BYTES = (long) '-' << 48 | (long) ' ' << 40;
    private static final long HIGH_NIBBLES = 0xF0F0_F0F0_F0F0_F0F0L;
    private static final long LOW_NIBBLES = 0x0F0F_0F0F_0F0F_0F0FL;
    private static final long ASCII_ZEROS = 0x3030_3030_3030_3030L;
    private static final long SIXES = 0x0606_0606_0606_0606L;
    private static final long CARRIES = 0x1010_1010_1010_1010L;

    private final CharSequence asciiView = new AsciiView();
    private final LastTime lastTime = new LastTime();
    private byte[] bytes;
    private int start;
    /** Set when the scan of a line's bytes met one that is not ASCII: its answer then does not count. */
    private boolean sawOtherByte;
    /** The decoded line without marks when its bytes were not ASCII enough; null while scanning bytes. */
    private String decodedLine;
    private int length;
    private int position;
    private int number;

    private int first;
    private int second;
    private int third;
    private int firstDigits;
    private int thirdDigits;
    private String era;
    private int hour;
    private int minute;
    private int secondOfMinute;
    private DayPeriods.Period period;
    private int dateStart;
    private int dateEnd;
    private int bodyStart;

    /** The layout of the reader's current line if it starts with a message header, else null. */
    HeaderLayout match(LineReader lines) throws RefusedContentException {
        bytes = lines.bytes();
        start = lines.start();
        length = lines.end() - start;
        decodedLine = null;
        sawOtherByte = false;
        if (plainAndroid()) {
            return HeaderLayout.ANDROID;
        }
        HeaderLayout layout = scan();
        if (!sawOtherByte || bytes[start] < 0 && !mayOpenHeader()) {
            return layout;
        }
        decodedLine = lines.textWithoutMarks();
        length = decodedLine.length();
        return scan();
    }

    /**
     * Reads the commonest header, Android's {@code 18/03/2022, 14:56 - } with two-digit day, month, hour
     * and minute, at its fixed offsets, setting the fields as {@link #scan} would on it; false for any
     * other line, which the scan then reads. Most lines of an export start so, and checking twenty bytes
     * in place costs a fraction of the general scan's steps through the grammar.
     */
    private boolean plainAndroid() {
        int s = start;
        // The words below read up to the twentieth byte, which a line of 19 may not own: it is tested then only.
        if (length < PLAIN_ANDROID_LENGTH - 1 || s + PLAIN_ANDROID_LENGTH > bytes.length) {
            return false;
        }
        long date = ByteWords.word(bytes, s); // "18/03/20"
        long time = ByteWords.word(bytes, s + 8); // "22, 14:5"
        long end = ByteWords.word(bytes, s + 12); // "14:56 - "
        if (!digitsAt(date, DATE_DIGITS) || !digitsAt(time, YEAR_AND_TIME_DIGITS) || !digitsAt(end, MINUTE_DIGITS)
                || (time & TIME_PUNCTUATION) != TIME_PUNCTUATION_BYTES || (end & DASH) != DASH_BYTES
                || !isDateSeparator(byteAt(date, 2)) || !isDateSeparator(byteAt(date, 5))
                || length >= PLAIN_ANDROID_LENGTH && byteAt(end, 7) != ' ') {
            return false;
        }
        first = digitAt(date, 0) * 10 + digitAt(date, 1);
        firstDigits = 2;
        second = digitAt(date, 3) * 10 + digitAt(date, 4);
        third = ((digitAt(date, 6) * 10 + digitAt(date, 7)) * 10 + digitAt(time, 0)) * 10 + digitAt(time, 1);
        thirdDigits = 4;
        era = null;
        hour = digitAt(time, 4) * 10 + digitAt(time, 5);
        minute = digitAt(time, 7) * 10 + digitAt(end, 4);
        secondOfMinute = 0;
        period = DayPeriods.Period.NEUTRAL;
        dateStart = 0;
        dateEnd = PLAIN_ANDROID_DATE_LENGTH;
        bodyStart = Math.min(length, PLAIN_ANDROID_LENGTH);
        return true;
    }

    /** Whether the bytes of {@code word} that {@code positions} covers (0xFF each) are all ASCII digits. */
    private static boolean digitsAt(long word, long positions) {
        // 0x30 to 0x39: high nibble 3, and a low nibble that 6 more does not carry past 15.
        return (word & positions & HIGH_NIBBLES) == (positions & ASCII_ZEROS)
                && ((word & positions & LOW_NIBBLES) + (positions & SIXES) & CARRIES) == 0;
    }

    private static byte byteAt(long word, int index) {
        return (byte) (word >>> (index << 3));
    }

    private static int digitAt(long word, int index) {
        return byteAt(word, index) & 0x0F;
    }

    private static boolean isDateSeparator(byte b) {
        return b == '/' || b == '.' || b == '-';
    }

    /**
     * Whether a line starting with a byte that is not ASCII may hold a header, read from its bytes: after
     * any direction marks, its first character must be a digit or start an era. Continuation lines in
     * other scripts or starting with an emoji are ruled out so without being decoded.
     */
    private boolean mayOpenHeader() {
        int end = start + length;
        int at = start;
        for (int mark = DirectionMarks.markLengthAt(bytes, at, end); mark > 0;
                mark = DirectionMarks.markLengthAt(bytes, at, end)) {
            at += mark;
        }
        if (at == end || bytes[at] >= 0) {
            return at < end;
        }
        int first = Utf8.codePointAt(bytes, at, end);
        // A bad sequence is left to the decoded line; a supplementary character (a surrogate pair) is no digit.
        return first < 0 || first <= Character.MAX_VALUE
                && (Character.isDigit(first) || EraYears.mayStart((char) first));
    }

    /** Whether the last match was read from the line's bytes, where {@link #bodyStart()} is a byte offset. */
    boolean readAsBytes() {
        return decodedLine == null;
    }

    /** Where the text after the header last matched starts: in the bytes, or in the decoded line. */
    int bodyStart() {
        return bodyStart;
    }

    /** The text after the header last matched in the reader's current line, without direction marks. */
    String body(LineReader lines) throws RefusedContentException {
        return decodedLine != null ? decodedLine.substring(bodyStart) : lines.textWithoutMarksFrom(bodyStart);
    }

    /**
     * The character at {@code index} of the line: of the decoded line if there is one, else the byte
     * there if it is ASCII, where byte and character positions agree. Any other byte reads as U+FFFF
     * (no digit, letter or space) and is noted.
     */
    private char charAt(int index) {
        if (decodedLine != null) {
            return decodedLine.charAt(index);
        }
        byte b = bytes[start + index];
        if (b < 0) {
            sawOtherByte = true;
            return '\uFFFF';
        }
        return (char) b;
    }

    private String text(int from, int to) {
        if (decodedLine != null) {
            return decodedLine.substring(from, to);
        }
        StringBuilder chars = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            chars.append(charAt(i));
        }
        return chars.toString();
    }

    private HeaderLayout scan() {
        if (length == 0) {
            return null;
        }
        if (charAt(0) == '[') {
            position = 1;
            if (date() && separator() && time() && closingBracket()) {
                return HeaderLayout.IOS;
            }
            position = 1;
            return time() && separator() && date() && closingBracket() ? HeaderLayout.IOS_TIME_FIRST : null;
        }
        position = 0;
        return date() && separator() && time() && dash() ? HeaderLayout.ANDROID : null;
    }

    private boolean date() {
        dateStart = position;
        era = EraYears.eraAt(decodedLine != null ? decodedLine : asciiView, position);
        if (era != null) {
            position += era.length();
        }
        firstDigits = digits(4);
        first = number;
        if (firstDigits == 0 || !dateSeparator("./-年")) {
            return false;
        }
        int secondDigits = digits(2);
        second = number;
        if (secondDigits == 0 || !dateSeparator("./-月")) {
            return false;
        }
        thirdDigits = digits(4);
        third = number;
        dateEnd = position;
        if (thirdDigits > 0 && (at('.') || at('日'))) {
            position++;
        }
        return thirdDigits > 0;
    }

    private boolean dateSeparator(String separators) {
        optionalSpace();
        if (position == length || separators.indexOf(charAt(position)) < 0) {
            return false;
        }
        position++;
        optionalSpace();
        return true;
    }

    /** Between date and time: a comma (Latin or Arabic) and any spaces, or spaces alone. */
    private boolean separator() {
        int start = position;
        if (at(',') || at('،')) {
            position++;
        }
        while (position < length && isSpace(charAt(position))) {
            position++;
        }
        return position > start;
    }

    private boolean time() {
        DayPeriods.Period before = DayPeriods.Period.NEUTRAL;
        int wordEnd = wordEnd(position);
        if (wordEnd > 0) {
            // An unknown word before the time is more likely ordinary text than a header.
            before = DayPeriods.of(text(position, wordEnd));
            if (before == null) {
                return false;
            }
            position = wordEnd;
            optionalSpace();
        }
        if (digits(2) == 0) {
            return false;
        }
        hour = number;
        if (!at(':') && !at('.')) {
            return false;
        }
        position++;
        if (digits(2) != 2) {
            return false;
        }
        minute = number;
        secondOfMinute = 0;
        int beforeSeconds = position;
        if (at(':') || at('.')) {
            position++;
            if (digits(2) == 2) {
                secondOfMinute = number;
            } else {
                position = beforeSeconds;
            }
        }
        period = before != DayPeriods.Period.NEUTRAL ? before : periodAfterTime();
        if (at('.')) {
            position++;
        }
        return true;
    }

    /**
     * The period named by a word after the time, consumed if present. An unknown word there is taken
     * as a marker we do not know yet (hour kept as written) rather than losing the message.
     */
    private DayPeriods.Period periodAfterTime() {
        int afterTime = position;
        optionalSpace();
        int wordEnd = wordEnd(position);
        if (wordEnd < 0) {
            position = afterTime;
            return DayPeriods.Period.NEUTRAL;
        }
        DayPeriods.Period after = DayPeriods.of(text(position, wordEnd));
        position = wordEnd;
        return after == null ? DayPeriods.Period.NEUTRAL : after;
    }

    /** The end of the one or two words starting at {@code from}, or -1 when no word starts there. */
    private int wordEnd(int from) {
        int end = wordPartEnd(from);
        if (end > 0 && end < length && isSpace(charAt(end))) {
            int secondEnd = wordPartEnd(end + 1);
            if (secondEnd > 0) {
                return secondEnd;
            }
        }
        return end;
    }

    private int wordPartEnd(int from) {
        if (from >= length || !isLetterOrMark(charAt(from))) {
            return -1;
        }
        int end = from + 1;
        while (end < length && (isLetterOrMark(charAt(end)) || charAt(end) == '.')) {
            end++;
        }
        return end;
    }

    private boolean closingBracket() {
        optionalSpace();
        if (!at(']')) {
            return false;
        }
        position++;
        optionalSpace();
        bodyStart = position;
        return true;
    }

    private boolean dash() {
        optionalSpace();
        if (!at('-') && !at('–')) {
            return false;
        }
        position++;
        if (position < length) {
            if (!isSpace(charAt(position))) {
                return false;
            }
            position++;
        }
        bodyStart = position;
        return true;
    }

    /** Reads up to {@code max} digits of any script into {@link #number}; returns how many were read. */
    private int digits(int max) {
        int from = position;
        int stop = Math.min(length, from + max);
        int at = from;
        int value = 0;
        while (at < stop) {
            char c = charAt(at);
            // The only ASCII digits are 0-9; other scripts' digits need the Unicode tables.
            int digit = c >= '0' && c <= '9' ? c - '0' : c < 0x80 ? -1 : Character.digit(c, 10);
            if (digit < 0) {
                break;
            }
            value = value * 10 + digit;
            at++;
        }
        position = at;
        number = value;
        return at - from;
    }

    private boolean at(char c) {
        return position < length && charAt(position) == c;
    }

    private void optionalSpace() {
        if (position < length && isSpace(charAt(position))) {
            position++;
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\u00A0' || c == '\u202F' || c == '\u2009';
    }

    private static boolean isLetterOrMark(char c) {
        if (c < 0x80) {
            char lower = (char) (c | 0x20);
            return lower >= 'a' && lower <= 'z';
        }
        if (Character.isLetter(c)) {
            return true;
        }
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** Whether the date leads with its year: an era, three or more digits, or a value no day can have. */
    boolean yearFirst() {
        return era != null || firstDigits >= 3 || first > 31;
    }

    int first() {
        return first;
    }

    int second() {
        return second;
    }

    /** The date as written, for explaining the date order to the user. */
    String dateText() {
        return text(dateStart, dateEnd);
    }

    /** The header's wall time read in {@code order}, or null when the fields are no valid date and time then. */
    LocalDateTime localTime(DateOrder order) {
        int year;
        int month;
        int day;
        int yearDigits;
        switch (order) {
            case YEAR_MONTH_DAY -> {
                year = first;
                yearDigits = firstDigits;
                month = second;
                day = third;
            }
            case DAY_MONTH_YEAR -> {
                day = first;
                month = second;
                year = third;
                yearDigits = thirdDigits;
            }
            default -> {
                month = first;
                day = second;
                year = third;
                yearDigits = thirdDigits;
            }
        }
        if (order != DateOrder.YEAR_MONTH_DAY && (era != null || yearDigits == 1 || yearDigits == 3)) {
            return null;
        }
        year = EraYears.gregorian(era, year, yearDigits);
        int hourOfDay = period.toTwentyFourHour(hour);
        if (hourOfDay > 23 || minute > 59 || secondOfMinute > 59) {
            return null;
        }
        return lastTime.at(year, month, day, hourOfDay, minute, secondOfMinute);
    }
}
