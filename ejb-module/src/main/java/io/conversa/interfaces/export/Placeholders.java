package io.conversa.interfaces.export;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The fixed phrases WhatsApp writes in place of content, in the locales we know: media left out,
 * attachments, deleted messages, the edited marker, polls, locations. Compared ignoring case, with
 * direction marks already removed.
 */
final class Placeholders {

    /** Placeholder lines are short; longer lines are text and need no phrase comparisons. */
    private static final int MAX_PLACEHOLDER_LINE = 512;

    /** Android writes a whole line {@code <Media omitted>} (and translations) when media was left out. */
    private static final CaselessPhrases ANDROID_MEDIA_OMITTED = new CaselessPhrases(
            "<Media omitted>", "<Medien ausgeschlossen>", "<Multimedia omitido>", "<Archivo omitido>",
            "<Mídia oculta>", "<Arquivo de mídia oculto>", "<Média omitido>", "<Médias omis>", "<Fichier omis>",
            "<Media omessi>", "<Без медиафайлов>", "<Медиафайл отсутствует>", "<Media weggelaten>",
            "<Medya dahil edilmedi>", "<Media tidak disertakan>", "<Media disembunyikan>",
            "<تم استبعاد الوسائط>", "<الوسائط محذوفة>", "<رسانه حذف شد>", "<मीडिया के बिना>",
            "<Pominięto multimedia>");

    /** An iOS "... omitted" phrase; the length of its last word lets most lines be ruled out at once. */
    record OmittedPhrase(String phrase, MessageKind kind, int lastWordLength) {

        OmittedPhrase(String phrase, MessageKind kind) {
            this(phrase, kind, phrase.length() - 1 - phrase.lastIndexOf(' '));
        }
    }

    /** iOS ends a line with "image omitted" (and translations); the text before is a document's name. */
    private static final List<OmittedPhrase> IOS_OMITTED = Stream.concat(
            Stream.of("image omitted", "video omitted", "audio omitted", "sticker omitted", "GIF omitted",
                    "document omitted",
                    "Bild weggelassen", "Video weggelassen", "Audio weggelassen", "Sticker weggelassen",
                    "GIF weggelassen", "Dokument weggelassen",
                    "image absente", "vidéo absente", "audio omis", "sticker omis", "GIF retiré",
                    "document manquant",
                    "imagen omitida", "video omitido", "audio omitido", "sticker omitido", "GIF omitido",
                    "documento omitido",
                    "imagem ocultada", "vídeo omitido", "áudio ocultado", "figurinha omitida",
                    "immagine omessa", "video omesso", "audio omesso", "sticker omesso", "GIF omessa",
                    "documento omesso",
                    "изображение отсутствует", "видео отсутствует", "аудиофайл отсутствует",
                    "стикер отсутствует", "GIF отсутствует", "документ отсутствует",
                    "afbeelding weggelaten", "video weggelaten", "audio weggelaten", "sticker weggelaten",
                    "document weggelaten")
                    .map(phrase -> new OmittedPhrase(phrase, MessageKind.MEDIA_OMITTED)),
            Stream.of("Contact card omitted", "Kontaktkarte ausgelassen", "Fiche contact manquante",
                    "tarjeta de contacto omitida", "cartão de contato omitido", "scheda contatto omessa",
                    "карточка контакта отсутствует", "contactkaart weggelaten")
                    .map(phrase -> new OmittedPhrase(phrase, MessageKind.CONTACT)))
            .toList();

    /** The phrases by the length of their last word, so a line is compared only with phrases that can fit it. */
    private static final List<List<OmittedPhrase>> IOS_OMITTED_BY_LAST_WORD = byLastWordLength(IOS_OMITTED);
    private static final int LONGEST_LAST_WORD = IOS_OMITTED_BY_LAST_WORD.size() - 1;
    /**
     * The phrases' last words: a line can only end with a phrase if its own last word is one of them,
     * which rules most lines out before any phrase is compared.
     */
    private static final CaselessPhrases IOS_OMITTED_LAST_WORDS = new CaselessPhrases(IOS_OMITTED.stream()
            .map(p -> p.phrase().substring(p.phrase().length() - p.lastWordLength())).toArray(String[]::new));

    /** Android follows an attached file's name with "(file attached)" (and translations). */
    private static final CaselessPhrases ANDROID_ATTACHED = new CaselessPhrases(
            "file attached", "Datei angehängt", "archivo adjunto", "arquivo anexado", "fichier joint",
            "file allegato", "файл добавлен", "bestand bijgevoegd", "dosya ekli", "file terlampir",
            "الملف مرفق", "فایل پیوست شد", "फ़ाइल संलग्न है", "plik załączony");

    /**
     * iOS writes an exported file as {@code <attached: 00000001-PHOTO-....jpg>}, maybe after a document's
     * description; the label is translated ({@code adjunto}, {@code anexado}, {@code Anhang}...).
     */
    private static final Pattern IOS_ATTACHED = Pattern.compile(
            "(?<caption>.*?)[ \\u00A0]?<(?<label>\\p{L}[\\p{L} ]{1,29}?) ?: (?<file>[^<>]+\\.[\\p{L}\\p{N}]{1,8})>");

    private static final CaselessPhrases DELETED = new CaselessPhrases(
            "This message was deleted", "You deleted this message",
            "Diese Nachricht wurde gelöscht", "Du hast diese Nachricht gelöscht",
            "Ce message a été supprimé", "Vous avez supprimé ce message",
            "Se eliminó este mensaje", "Eliminaste este mensaje", "Este mensaje fue eliminado",
            "Esta mensagem foi apagada", "Você apagou esta mensagem", "Mensagem apagada",
            "Questo messaggio è stato eliminato", "Hai eliminato questo messaggio",
            "Данное сообщение удалено", "Вы удалили данное сообщение", "Это сообщение было удалено",
            "Dit bericht is verwijderd", "Je hebt dit bericht verwijderd", "Bu mesaj silindi",
            "Bu mesajı sildiniz", "Pesan ini telah dihapus", "Anda menghapus pesan ini", "تم حذف هذه الرسالة",
            "لقد حذفت هذه الرسالة");
    private static final int LONGEST_DELETED = DELETED.longest() + 1;

    /** Appended to an edited message's text, e.g. {@code <This message was edited>}. */
    private static final CaselessPhrases EDITED = new CaselessPhrases(
            "This message was edited", "Diese Nachricht wurde bearbeitet", "Se editó este mensaje.",
            "Se editó este mensaje", "Mensagem editada", "Esta mensagem foi editada", "Ce message a été modifié",
            "Questo messaggio è stato modificato", "Сообщение изменено", "Dit bericht is bewerkt",
            "Bu mesaj düzenlendi", "Pesan ini telah diedit");

    /** The first line of a poll; the question and "OPTION: ..." lines follow. */
    private static final CaselessPhrases POLL = new CaselessPhrases(
            "POLL:", "ENCUESTA:", "ENQUETE:", "UMFRAGE:", "SONDAGE :", "SONDAGE:", "SONDAGGIO:", "ОПРОС:",
            "PEILING:", "ANKET:", "POLING:");

    /** A poll option: an upper-case label ("OPTION", "OPCIÓN", "ВАРИАНТ"...), the text, maybe the votes. */
    private static final Pattern POLL_OPTION = Pattern.compile(
            "\\p{Lu}[\\p{Lu}\\p{M}]* ?: (?<text>.*?)(?: \\(\\p{Nd}+ \\p{L}+\\))?");

    /** A shared location: a one-word label ("location", "Standort"...) and a map link. */
    private static final Pattern MAP_LINK = Pattern.compile(
            "\\p{L}[\\p{L} ]{0,30} ?: ?https?://"
                    + "(?:maps\\.google\\.[a-z.]+|www\\.google\\.[a-z.]+/maps|maps\\.apple\\.com)\\S*");
    /** Every map link that {@link #MAP_LINK} knows starts with one of these: links to other sites need no regex. */
    private static final List<String> MAP_LINK_STARTS = List.of("://maps.", "://www.google.");
    /** A shared place (venue) ends with its Foursquare page. */
    private static final String VENUE_LINK = "https://foursquare.com/v/";
    /** Every link a location holds starts with one of these: a map's, or a venue's page. */
    private static final List<String> LOCATION_LINK_STARTS = Stream.concat(MAP_LINK_STARTS.stream(),
            Stream.of(VENUE_LINK.substring(VENUE_LINK.indexOf("://")))).toList();

    private static final CaselessPhrases LIVE_LOCATION = new CaselessPhrases(
            "Live location shared", "Standort in Echtzeit geteilt", "Ubicación en tiempo real compartida",
            "Localização em tempo real compartilhada", "Position en direct partagée",
            "Posizione attuale condivisa", "Геоданные в реальном времени");

    /** What iOS writes for a view-once photo or video (its content is not exported). */
    private static final String VIEW_ONCE = "null";

    /**
     * Every phrase that a one-line body is, whole: view once, the deleted notices with and without iOS's
     * final period, live locations. Only for {@link #surelyNoneIn}, which needs just its bit tests.
     */
    private static final CaselessPhrases WHOLE_LINE = new CaselessPhrases(Stream.of(Stream.of(VIEW_ONCE),
            DELETED.phrases(), DELETED.phrases().map(phrase -> phrase + "."), LIVE_LOCATION.phrases())
            .flatMap(phrases -> phrases).toArray(String[]::new));

    private Placeholders() {
    }

    /**
     * Whether no placeholder can be the one-line body {@code line}, told without trying them one by one:
     * each needs the line to end with '>' or ')' (edited marker, media, attachments), to have the length and
     * the first and last characters of a whole-line phrase, to end like an iOS "omitted" phrase, or to hold
     * a map's or a venue's link (locations; other links, common in chats, make no placeholder). Most messages
     * meet none of these and skip the checks of {@link MessageContent#of}, which cost a sizeable part of a pass.
     */
    static boolean surelyNoneIn(String line) {
        if (line.isEmpty()) {
            return false;
        }
        char last = line.charAt(line.length() - 1);
        return last != '>' && last != ')' && !WHOLE_LINE.mayContain(line)
                && !IOS_OMITTED_LAST_WORDS.mayEnd(line)
                && !holdsLinkStarting(line, LOCATION_LINK_STARTS);
    }

    /** Whether a link in {@code line} starts (from its "://") with one of {@code starts}. */
    private static boolean holdsLinkStarting(String line, List<String> starts) {
        for (int scheme = line.indexOf("://"); scheme >= 0; scheme = line.indexOf("://", scheme + 1)) {
            for (String start : starts) {
                if (line.startsWith(start, scheme)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** {@code text.endsWith(String.valueOf(c))} without the general comparison, for the tests every message goes through. */
    private static boolean endsWith(String text, char c) {
        return !text.isEmpty() && text.charAt(text.length() - 1) == c;
    }

    static boolean isViewOnce(String body) {
        return body.equals(VIEW_ONCE);
    }

    /** Whether the body is a deleted-message notice, with or without the final period iOS adds. */
    static boolean isDeleted(String body) {
        return body.length() <= LONGEST_DELETED && (DELETED.contains(body)
                || endsWith(body, '.') && DELETED.containsRegion(body, 0, body.length() - 1));
    }

    static boolean isAndroidMediaOmitted(String line) {
        return !line.isEmpty() && line.charAt(0) == '<' && endsWith(line, '>') && ANDROID_MEDIA_OMITTED.contains(line);
    }

    /** The start of the edited marker ending {@code body}, or -1. */
    static int editedMarkerStart(String body) {
        if (!endsWith(body, '>')) {
            return -1;
        }
        int open = body.lastIndexOf('<');
        return open >= 0 && EDITED.containsRegion(body, open + 1, body.length() - 1) ? open : -1;
    }

    /** A matcher over {@code line} if it is an iOS attachment line (groups caption, file), else null. */
    static Matcher iosAttachment(String line) {
        if (!endsWith(line, '>') || line.indexOf('<') < 0) {
            return null;
        }
        Matcher matcher = IOS_ATTACHED.matcher(line);
        return matcher.matches() ? matcher : null;
    }

    /** The attached file's name if {@code line} is an Android attachment line, else null. */
    static String androidAttachment(String line) {
        if (!endsWith(line, ')')) {
            return null;
        }
        int open = line.lastIndexOf(" (");
        if (open <= 0 || !ANDROID_ATTACHED.containsRegion(line, open + 2, line.length() - 1)) {
            return null;
        }
        return line.substring(0, open).strip();
    }

    /** The iOS "... omitted" phrase ending {@code line} (as a word of its own), or null. */
    static OmittedPhrase iosOmitted(String line) {
        if (line.isEmpty() || line.length() > MAX_PLACEHOLDER_LINE
                || !Character.isLetter(line.charAt(line.length() - 1)) || !IOS_OMITTED_LAST_WORDS.mayEnd(line)) {
            return null;
        }
        int lastWordLength = line.length() - 1 - lastSpace(line);
        if (lastWordLength > LONGEST_LAST_WORD
                || !IOS_OMITTED_LAST_WORDS.containsRegion(line, line.length() - lastWordLength, line.length())) {
            return null;
        }
        for (OmittedPhrase omitted : IOS_OMITTED_BY_LAST_WORD.get(lastWordLength)) {
            String phrase = omitted.phrase();
            int start = line.length() - phrase.length();
            if (start >= 0
                    && (start == 0 || Character.isWhitespace(line.charAt(start - 1)))
                    && line.regionMatches(true, start, phrase, 0, phrase.length())) {
                return omitted;
            }
        }
        return null;
    }

    private static List<List<OmittedPhrase>> byLastWordLength(List<OmittedPhrase> phrases) {
        int longest = phrases.stream().mapToInt(OmittedPhrase::lastWordLength).max().orElseThrow();
        List<List<OmittedPhrase>> index = new ArrayList<>();
        for (int length = 0; length <= longest; length++) {
            int wanted = length;
            index.add(phrases.stream().filter(p -> p.lastWordLength() == wanted).toList());
        }
        return List.copyOf(index);
    }

    /** The last whitespace in {@code line}, looking back no further than any phrase's last word needs. */
    private static int lastSpace(String line) {
        int i = line.length() - 1;
        int stop = Math.max(-1, line.length() - 2 - LONGEST_LAST_WORD);
        while (i > stop && !isWhitespace(line.charAt(i))) {
            i--;
        }
        return i;
    }

    /** {@link Character#isWhitespace(char)}, answered for ASCII, most of the characters it is asked about, without its tables. */
    private static boolean isWhitespace(char c) {
        if (c < 0x80) {
            return c == ' ' || c >= '\t' && c <= '\r' || c >= 0x1C && c <= 0x1F;
        }
        return Character.isWhitespace(c);
    }

    static boolean isPollStart(String line) {
        return line.length() < 16 && POLL.contains(line.strip());
    }

    /** The option's text without vote count if {@code line} is a poll option, else null. */
    static String pollOption(String line) {
        Matcher matcher = POLL_OPTION.matcher(line);
        return matcher.matches() ? matcher.group("text") : null;
    }

    /** A shared location ("location: https://maps..."), a shared place (with its venue page) or a live location. */
    static boolean isLocation(String firstLine, String body) {
        if (LIVE_LOCATION.contains(firstLine)) {
            return true;
        }
        if (body.indexOf("://") < 0) {
            return false;
        }
        return holdsLinkStarting(firstLine, MAP_LINK_STARTS) && MAP_LINK.matcher(firstLine).matches()
                || body.contains(VENUE_LINK);
    }
}
