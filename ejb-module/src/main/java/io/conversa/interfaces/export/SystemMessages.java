package io.conversa.interfaces.export;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Recognizes the system messages that WhatsApp writes under the chat's own name, as iOS does
 * ({@code [3/18/22, 14:56:01] Elon Musk: ‎Messages and calls are end-to-end encrypted...}) and as
 * some Android exports do for the encryption notice. Lines without any author are system messages
 * anyway and need no recognition. Not thread-safe: one instance per stream.
 */
final class SystemMessages {

    private static final int IGNORE_CASE = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    /**
     * Notices that start with a fixed sentence (encryption, security code), so every participant's text
     * is checked against them cheaply (case-sensitively, as WhatsApp writes them) and they are
     * recognized even without iOS's leading mark.
     */
    private static final List<String> NOTICES = List.of(
            // en
            "Messages and calls are end-to-end encrypted",
            "Messages (?:to this group|you send to this (?:group|chat)(?: and calls)?) are now secured with"
                    + " end-to-end encryption",
            "Your security code with .+ changed",
            // es
            "Los mensajes y las llamadas están cifrados de extremo a extremo",
            "Los mensajes (?:que envíes a|enviados a) .+ (?:están|ahora están) (?:protegidos|cifrados)",
            "Tu código de seguridad con .+ cambió",
            // pt
            "As mensagens e as chamadas são protegidas com a criptografia de ponta a ponta",
            "As mensagens .+ (?:agora )?(?:são|estão) protegidas com (?:a )?criptografia de ponta a ponta",
            "O seu código de segurança com .+ (?:mudou|foi alterado)",
            "Seu código de segurança com .+ (?:mudou|foi alterado)",
            // de
            "Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt",
            "Nachrichten, die du .+ sendest, .*Ende-zu-Ende-Verschlüsselung",
            "Deine Sicherheitsnummer für .+ hat sich geändert",
            // fr
            "Les messages et les appels sont chiffrés de bout en bout",
            "Les messages (?:envoyés|que vous envoyez) .+ (?:sont|seront) (?:désormais |maintenant )?"
                    + "(?:protégés|chiffrés)",
            "Votre code de sécurité avec .+ a changé",
            // it
            "I messaggi e le chiamate sono crittografati end-to-end",
            "I messaggi (?:inviati|che invii) .+ (?:sono )?(?:ora )?protetti con la crittografia end-to-end",
            "Il (?:tuo )?codice di sicurezza con .+ è cambiato",
            // ru
            "Сообщения и звонки защищены сквозным шифрованием",
            "Сообщения, которые вы отправляете .+ защищены сквозным шифрованием",
            "Ваш код безопасности (?:для|с) .+ изменился",
            // nl, tr, id
            "Berichten en gesprekken zijn end-to-end versleuteld",
            "Mesajlar ve aramalar uçtan uca şifrelidir",
            "Pesan dan panggilan terenkripsi secara end-to-end");
    private static final Pattern NOTICE = Pattern.compile(String.join("|", NOTICES));
    /**
     * The fixed words each notice starts with, by their first character: the regex can only match a text
     * that starts with one of them, and most texts start with none, so they need no regex.
     */
    private static final Map<Character, String[]> NOTICE_OPENINGS = NOTICES.stream().map(SystemMessages::opening)
            .collect(Collectors.groupingBy(opening -> opening.charAt(0),
                    Collectors.collectingAndThen(Collectors.toList(), openings -> openings.toArray(String[]::new))));
    private static final int ASCII = 0x80;
    /**
     * The same for the ASCII initials, by character (null for none), as most texts start with ASCII: a text
     * is compared only with the openings that start as it does, often none.
     */
    private static final String[][] NOTICE_OPENINGS_BY_ASCII = new String[ASCII][];
    /** The other initials, to rule out the other texts with one search rather than a boxed look-up. */
    private static final String NOTICE_INITIALS_BEYOND_ASCII;

    static {
        StringBuilder beyondAscii = new StringBuilder();
        NOTICE_OPENINGS.forEach((initial, openings) -> {
            if (initial < ASCII) {
                NOTICE_OPENINGS_BY_ASCII[initial] = openings;
            } else {
                beyondAscii.append(initial.charValue());
            }
        });
        NOTICE_INITIALS_BEYOND_ASCII = beyondAscii.toString();
    }

    /**
     * Group events and settings, which name a participant first ("Loris added Emily"). Checked only
     * where iOS marks the text as written by WhatsApp, since a participant may well write "I added".
     */
    private static final Pattern EVENT = Pattern.compile(String.join("|",
            // en
            " created (?:group|this group)", " added ", " added you$", " was added$", " were added$", " left$",
            " removed ", " removed you$", " was removed$", " were removed$", " changed the subject ",
            " changed the group name", " changed (?:this|the) group(?:'s)? (?:icon|photo)",
            " deleted this group's icon", " changed the group description", " deleted the group description",
            " joined using this group's invite link", "disappearing messages", " message timer",
            " changed (?:their|his|her) phone number", " changed to \\+", " changed their number",
            "security code changed", " now an admin", "'re now an admin",
            // es
            " creó (?:el|este) grupo", " añadió ", " te añadió$", " salió del grupo", " salió$", " eliminó a ",
            " te eliminó$", " cambió el (?:asunto|nombre del grupo)",
            " cambió (?:la imagen|el ícono|el icono) de(?:l| este) grupo", " cambió la descripción del grupo",
            " se unió (?:usando|mediante) el enlace", "mensajes temporales", " cambió su número",
            // pt
            " criou (?:o|este) grupo", " adicionou ", " saiu$", " removeu ", " (?:mudou|alterou) o (?:nome|assunto)",
            " (?:mudou|alterou|apagou) a (?:imagem|foto) d(?:o|este) grupo",
            " (?:mudou|alterou|apagou) a descrição do grupo", " entrou usando o link", "mensagens temporárias",
            " mudou (?:o |seu )?número",
            // de
            " hat (?:die|diese) Gruppe .*erstellt", " hinzugefügt$", " hat die Gruppe verlassen", " entfernt$",
            " hat den (?:Betreff|Gruppennamen)", " hat das Gruppenbild", " hat die Gruppenbeschreibung",
            "Einladungslink", "selbstlöschende Nachrichten", " hat (?:die|seine|ihre) (?:Telefon)?nummer",
            "Sicherheitsnummer",
            // fr
            " a créé (?:le|ce) groupe", " a ajouté ", " est parti(?:e)?$", " a retiré ",
            " a (?:modifié|changé) le (?:sujet|nom du groupe)", "l['’]icône (?:de ce|du) groupe",
            "la description du groupe", "via le lien d['’]invitation", "messages éphémères",
            " a changé (?:de|son) numéro", "code de sécurité",
            // it
            " ha creato (?:il|questo) gruppo", " ha aggiunto ", " è uscit[oa]$", " ha rimosso ",
            " ha cambiato (?:l['’]oggetto|il nome del gruppo)", "l['’]immagine (?:di questo|del) gruppo",
            "la descrizione del gruppo", "link (?:di|d['’])invito", "messaggi effimeri",
            " ha cambiato (?:il suo )?numero", "codice di sicurezza",
            // ru
            " создал[аи]? (?:группу|эту группу)", " добавил[аи]? ", " (?:вышел|вышла|вышли)(?: из группы)?$",
            " удалил[аи]? ", " изменил[аи]? (?:тему|название группы)",
            " изменил[аи]? (?:изображение|значок) (?:этой )?группы", " изменил[аи]? описание группы",
            "по ссылке-приглашению", "исчезающи[ех] сообщени", " сменил[аи]? номер", "код безопасности"), IGNORE_CASE);

    // Reused for every message of a stream: a new Matcher per message would cost an allocation each.
    private final Matcher notice = NOTICE.matcher("");
    private final Matcher event = EVENT.matcher("");

    /**
     * Whether a body written under an author is in fact WhatsApp's. {@code markedByWhatsApp} tells that
     * iOS put its left-to-right mark before the text, as it does for its own lines.
     */
    boolean isSystem(String body, boolean markedByWhatsApp) {
        boolean mayBeNotice = opensNotice(body);
        return mayBeNotice && notice.reset(body).lookingAt() || markedByWhatsApp && event.reset(body).find();
    }

    private static boolean opensNotice(String body) {
        if (body.isEmpty()) {
            return false;
        }
        char first = body.charAt(0);
        String[] openings = first < ASCII ? NOTICE_OPENINGS_BY_ASCII[first]
                : NOTICE_INITIALS_BEYOND_ASCII.indexOf(first) < 0 ? null : NOTICE_OPENINGS.get(first);
        if (openings != null) {
            for (String opening : openings) {
                if (body.startsWith(opening)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The start of {@code notice} up to its first regex construct (without the character a quantifier
     * there makes optional), which must not be at its start.
     */
    private static String opening(String notice) {
        int end = 0;
        while (end < notice.length() && "\\()[]{}.*+?|^$".indexOf(notice.charAt(end)) < 0) {
            end++;
        }
        if (end < notice.length() && "?*{".indexOf(notice.charAt(end)) >= 0) {
            end--;
        }
        if (end == 0) {
            throw new IllegalStateException("a notice must start with a fixed word: " + notice);
        }
        return notice.substring(0, end);
    }
}
