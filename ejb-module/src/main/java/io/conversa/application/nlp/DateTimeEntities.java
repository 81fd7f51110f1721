package io.conversa.application.nlp;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates and times as people write them in English, Spanish, Portuguese, German and French:
 * ISO and numeric dates, "12 de marzo", "March 12th", "3. März", weekdays, "tomorrow"/"mañana"/
 * "amanhã"/"morgen"/"demain", and times ("18:30", "5pm", "17h", "17 Uhr"). Each date is resolved
 * against the day the message was sent (ISO yyyy-mm-dd; a weekday is its next occurrence); a
 * date without a year takes the sent year. Words that are dates in one language and something
 * else in another ("hier") are only read in their own language.
 */
final class DateTimeEntities {

    private static final Map<String, Map<String, Integer>> MONTHS = new HashMap<>();
    private static final Map<String, Map<String, Integer>> RELATIVE = new HashMap<>();
    private static final Map<String, Map<String, DayOfWeek>> WEEKDAYS = new HashMap<>();
    private static final Map<String, Pattern> DAY_MONTH = new HashMap<>();
    /** Per language: date words and phrases ("mañana", "pasado mañana") to a day offset (Integer) or a weekday. */
    private static final Map<String, Map<String, Object>> WORDS = new HashMap<>();

    private static final Pattern MORNING = Pattern.compile("(?iu)\\b(?:la|esta|guten|heute|gestern|de|por|pela|da|this)\\s+$");
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{1,2})-(\\d{1,2})\\b");
    private static final Pattern NUMERIC = Pattern.compile("(?<![\\d.,:/])(\\d{1,2})([./-])(\\d{1,2})(?:\\2(\\d{4}|\\d{2}))?(?![\\d,:/]|\\.\\d)");
    private static final Pattern TIME = Pattern.compile("(?i)(?<![\\d.,:/])(?:([01]?\\d|2[0-3])[:h]([0-5]\\d)(?:\\s?(am|pm|a\\.m\\.|p\\.m\\.))?"
            + "|(1[0-2]|0?[1-9])\\s?(am|pm|a\\.m\\.|p\\.m\\.)|([01]?\\d|2[0-3])\\s?(h|uhr)\\b)(?![\\d])");

    private static final Pattern TIME_24H = Pattern.compile("(?i)(?<![\\d.,:/])(?:([01]?\\d|2[0-3])[:h]([0-5]\\d)()"
            + "|()()([01]?\\d|2[0-3])\\s?(h|uhr)\\b)(?![\\d])");

    static {
        months("en", "january jan|february feb|march mar|april apr|may|june jun|july jul|august aug|september sep sept|october oct|november nov|december dec");
        months("es", "enero ene|febrero feb|marzo mar|abril abr|mayo may|junio jun|julio jul|agosto ago|septiembre setiembre sep|octubre oct|noviembre nov|diciembre dic");
        months("pt", "janeiro jan|fevereiro fev|março marco mar|abril abr|maio mai|junho jun|julho jul|agosto ago|setembro set|outubro out|novembro nov|dezembro dez");
        months("de", "januar jänner jan|februar feb|märz maerz mär|april apr|mai|juni jun|juli jul|august aug|september sep sept|oktober okt|november nov|dezember dez");
        months("fr", "janvier janv|février fevrier févr|mars|avril avr|mai|juin|juillet juil|août aout|septembre sept|octobre oct|novembre nov|décembre decembre déc");
        relative("en", "today 0|tonight 0|tomorrow 1|tmrw 1|yesterday -1");
        relative("es", "hoy 0|mañana 1|manana 1|pasado mañana 2|ayer -1|anteayer -2");
        relative("pt", "hoje 0|amanhã 1|amanha 1|depois de amanhã 2|ontem -1|anteontem -2");
        relative("de", "heute 0|morgen 1|übermorgen 2|gestern -1|vorgestern -2");
        relative("fr", "aujourd'hui 0|ce soir 0|demain 1|après-demain 2|hier -1|avant-hier -2");
        // "sat", "sun", "wed" and "mon" are words too; only the unambiguous short forms.
        weekdays("en", "monday|tuesday tue tues|wednesday|thursday thu thurs|friday fri|saturday|sunday");
        weekdays("es", "lunes|martes|miércoles miercoles|jueves|viernes|sábado sabado|domingo");
        weekdays("pt", "segunda segunda-feira|terça terca terça-feira|quarta quarta-feira|quinta quinta-feira|sexta sexta-feira|sábado sabado|domingo");
        weekdays("de", "montag|dienstag|mittwoch|donnerstag|freitag|samstag sonnabend|sonntag");
        weekdays("fr", "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche");
        for (String lang : MONTHS.keySet()) {
            String names = alternation(MONTHS.get(lang).keySet());
            DAY_MONTH.put(lang, Pattern.compile("(?iu)\\b(?:(\\d{1,2})(?:st|nd|rd|th|º|\\.)?\\s+(?:de\\s+|of\\s+)?(" + names
                    + ")\\.?(?:\\s+(?:de\\s+)?(\\d{4}))?|(" + names + ")\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?)\\b"));
            Map<String, Object> words = new HashMap<>(WEEKDAYS.get(lang));
            words.putAll(RELATIVE.get(lang));
            WORDS.put(lang, words);
        }
    }

    void find(String text, List<Token> tokens, String language, MessageContext context, List<Entity> out) {
        LocalDate today = context.sentOn();
        if (MONTHS.containsKey(language)) {
            words(text, tokens, WORDS.get(language), today, out);
        }
        if (!hasDigit(text)) {
            return; // every other form has a number in it
        }
        Matcher m = ISO.matcher(text);
        while (m.find()) {
            add(out, Entity.Kind.DATE, text, m.start(), m.end(), date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))));
        }
        m = NUMERIC.matcher(text);
        while (m.find()) {
            numeric(text, m, language, context, out);
        }
        if (MONTHS.containsKey(language)) {
            m = DAY_MONTH.get(language).matcher(text);
            while (m.find()) {
                boolean dayFirst = m.group(1) != null;
                String month = (dayFirst ? m.group(2) : m.group(4)).toLowerCase(Locale.ROOT);
                int day = Integer.parseInt(dayFirst ? m.group(1) : m.group(5));
                String year = dayFirst ? m.group(3) : m.group(6);
                add(out, Entity.Kind.DATE, text, m.start(), m.end(), date(year == null ? today.getYear() : Integer.parseInt(year),
                        MONTHS.get(language).get(month), day));
            }
        }
        // In German "am" is "on the" ("um 18:30 am Bahnhof"), never a.m.
        m = ("de".equals(language) ? TIME_24H : TIME).matcher(text);
        while (m.find()) {
            add(out, Entity.Kind.TIME, text, m.start(), m.end(), time(m));
        }
    }

    /** Date words by token lookup, longest phrase first (up to three words), which is much cheaper than a regex. */
    private static void words(String text, List<Token> tokens, Map<String, Object> words, LocalDate today, List<Entity> out) {
        for (int i = 0; i < tokens.size(); i++) {
            Token first = tokens.get(i);
            if (!first.isWord()) {
                continue;
            }
            for (int n = Math.min(3, tokens.size() - i); n >= 1; n--) {
                Token last = tokens.get(i + n - 1);
                if (!last.isWord()) {
                    continue;
                }
                String phrase = text.substring(first.start(), last.end()).toLowerCase(Locale.ROOT).replace('’', '\'');
                Object value = words.get(n == 1 ? phrase : phrase.replaceAll("\\s+", " "));
                if (value == null) {
                    continue;
                }
                if (MORNING.matcher(text.substring(Math.max(0, first.start() - 8), first.start())).find()) {
                    break; // "esta mañana", "guten Morgen": the morning, not tomorrow
                }
                LocalDate d = value instanceof Integer offset ? today.plusDays(offset)
                        : today.with(TemporalAdjusters.next((DayOfWeek) value));
                add(out, Entity.Kind.DATE, text, first.start(), last.end(), d.toString());
                i += n - 1;
                break;
            }
        }
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static void numeric(String text, Matcher m, String language, MessageContext context, List<Entity> out) {
        int a = Integer.parseInt(m.group(1));
        int b = Integer.parseInt(m.group(3));
        String sep = m.group(2);
        if (m.group(4) == null && !"/".equals(sep)) {
            return; // "10.30" is a time or a number, "3-2" a score
        }
        int year = m.group(4) == null ? context.sentOn().getYear()
                : m.group(4).length() == 2 ? 2000 + Integer.parseInt(m.group(4)) : Integer.parseInt(m.group(4));
        boolean dayFirst = a > 12 || b <= 12 && context.dayFirst();
        String iso = dayFirst ? date(year, b, a) : date(year, a, b);
        if (iso != null) {
            add(out, Entity.Kind.DATE, text, m.start(), m.end(), iso);
        }
    }

    private static String time(Matcher m) {
        int hour;
        int minute = 0;
        String half;
        if (group(m, 1) != null) {
            hour = Integer.parseInt(m.group(1));
            minute = Integer.parseInt(m.group(2));
            half = group(m, 3);
        } else if (group(m, 4) != null) {
            hour = Integer.parseInt(m.group(4));
            half = group(m, 5);
        } else {
            hour = Integer.parseInt(m.group(6));
            half = null;
        }
        if (half != null) {
            boolean pm = half.toLowerCase(Locale.ROOT).startsWith("p");
            hour = hour % 12 + (pm ? 12 : 0);
        }
        return String.format("%02d:%02d", hour, minute);
    }

    /** A group's text, null when it did not take part or matched nothing (TIME_24H's placeholders). */
    private static String group(Matcher m, int group) {
        String g = m.group(group);
        return g == null || g.isEmpty() ? null : g;
    }

    private static void add(List<Entity> out, Entity.Kind kind, String text, int start, int end, String normalised) {
        if (normalised != null) {
            out.add(new Entity(kind, text.substring(start, end), start, end, normalised));
        }
    }

    private static String date(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day).toString();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static void months(String lang, String spec) {
        Map<String, Integer> map = new HashMap<>();
        String[] months = spec.split("\\|");
        for (int i = 0; i < months.length; i++) {
            for (String name : months[i].split(" ")) {
                map.put(name, i + 1);
            }
        }
        MONTHS.put(lang, map);
    }

    private static void relative(String lang, String spec) {
        Map<String, Integer> map = new HashMap<>();
        for (String entry : spec.split("\\|")) {
            int space = entry.lastIndexOf(' ');
            map.put(entry.substring(0, space), Integer.parseInt(entry.substring(space + 1)));
        }
        RELATIVE.put(lang, map);
    }

    private static void weekdays(String lang, String spec) {
        Map<String, DayOfWeek> map = new HashMap<>();
        String[] days = spec.split("\\|");
        for (int i = 0; i < days.length; i++) {
            for (String name : days[i].split(" ")) {
                map.put(name, DayOfWeek.of(i + 1));
            }
        }
        WEEKDAYS.put(lang, map);
    }

    /** Longest first, so "pasado mañana" wins over "mañana". */
    private static String alternation(java.util.Collection<String> words) {
        return words.stream().sorted((x, y) -> y.length() - x.length()).map(Pattern::quote)
                .reduce((x, y) -> x + "|" + y).orElseThrow();
    }
}
