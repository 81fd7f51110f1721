package io.conversa.application;

import io.conversa.interfaces.export.MessageKind;
import io.conversa.interfaces.export.ParsedMessage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Gives each exported message an identity that a later export of the same chat reproduces: its
 * wall time as written (so the chosen time zone does not matter), author, kind, text and attachment,
 * plus how many identical messages came before it at the same moment, so that two real "ok" sent
 * in one minute stay two. Only the current moment is remembered, so memory stays flat.
 *
 * <p>Stored fingerprints must stay valid, so the digest's input is fixed: the UTF-8 bytes of
 * {@code time + SEP + author + SEP + kind + SEP + text + SEP + attachment + SEP + occurrence}, where
 * {@code time} is {@link LocalDateTime#toString()}, a missing author or attachment is written
 * {@code null}, and SEP is U+0001 ({@code MessageFingerprintsTest} spells it out). Those bytes are
 * written into one reused buffer, the time digit by digit and once per moment, each author's bytes once,
 * since making the identity as strings first cost an import about as much CPU as parsing the export.
 *
 * <p>A media message has a second identity, {@link #mediaOf}, that stays the same whether the export held its
 * file or not: WhatsApp writes {@code <Media omitted>} (or {@code image omitted}) where an export without media
 * had the file, and {@code IMG-0001.jpg (file attached)} (or {@code <attached: ...>}) where one with media has it,
 * so the first identity differs between the two exports of one message.
 */
final class MessageFingerprints {

    private static final byte SEPARATOR = 1;
    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    private static final Map<MessageKind, byte[]> KINDS = new EnumMap<>(MessageKind.class);
    /** Stands for the kind in a media identity; no kind is called so, so no message identity equals one. */
    private static final byte[] ANY_MEDIA = "MEDIA".getBytes(StandardCharsets.US_ASCII);
    /** The kinds one media message may have in exports with and without its file. */
    private static final Set<MessageKind> MEDIA = EnumSet.of(MessageKind.MEDIA_OMITTED, MessageKind.ATTACHMENT,
            MessageKind.CONTACT);

    static {
        for (MessageKind kind : MessageKind.values()) {
            KINDS.put(kind, kind.toString().getBytes(StandardCharsets.US_ASCII));
        }
    }

    private Map<Identity, Integer> seenAtThisMoment = new HashMap<>();
    /** How many messages each author wrote at the current moment so far; as many entries as the chat has authors. */
    private final Map<String, Integer> byAuthorAtThisMoment = new HashMap<>();
    /** Grows with the chat's authors only. */
    private final Map<String, byte[]> authors = new HashMap<>();
    private final MessageDigest sha256;
    private LocalDateTime moment;
    /** The identity being built; it starts with the moment's time and a separator, written once per moment. */
    private byte[] identity = new byte[256];
    private int momentLength;
    private int length;

    MessageFingerprints() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    long of(ParsedMessage message) {
        startIdentity(message);
        append(KINDS.get(message.kind()));
        append(message.text().getBytes(StandardCharsets.UTF_8));
        put(message.attachmentName() == null ? NULL : message.attachmentName().getBytes(StandardCharsets.UTF_8));
        return digest();
    }

    /**
     * The identity of a media message (media left out, an attachment, a contact card) in either export, with
     * its file or without: its wall time, author, and how many media messages of that author came before it at
     * the same moment. The caption is left out, as WhatsApp may shorten a document's name in its place.
     * Null for the other kinds. Stored fingerprints must stay valid: the digest's input is
     * {@code time + SEP + author + SEP + "MEDIA" + SEP + SEP + occurrence}.
     */
    Long mediaOf(ParsedMessage message) {
        if (!MEDIA.contains(message.kind())) {
            return null;
        }
        startIdentity(message);
        append(ANY_MEDIA);
        return digest();
    }

    /**
     * Where the message stands among its author's messages of its moment: 1 for the first, 0 for a message
     * without an author. A later export keeps an edited message in its place, where its text, and so its
     * fingerprint, changed. Counts: ask it once per message, in the export's order.
     */
    int placeOf(ParsedMessage message) {
        if (message.author() == null) {
            return 0;
        }
        atMomentOf(message);
        return byAuthorAtThisMoment.merge(message.author(), 1, Integer::sum);
    }

    /** Starts the identity with the message's moment and author. */
    private void startIdentity(ParsedMessage message) {
        atMomentOf(message);
        length = momentLength;
        append(message.author() == null ? NULL
                : authors.computeIfAbsent(message.author(), author -> author.getBytes(StandardCharsets.UTF_8)));
    }

    /** Moves on to the message's moment unless it is the current one, whose counts hold for it too. */
    private void atMomentOf(ParsedMessage message) {
        if (!message.localTime().equals(moment)) {
            startMoment(message.localTime());
        }
    }

    /** The identity built so far, with how many times it was seen at this moment, as 64 bits of its SHA-256. */
    private long digest() {
        byte[] bytes = Arrays.copyOf(identity, length);
        int occurrence = seenAtThisMoment.merge(new Identity(bytes, Arrays.hashCode(bytes)), 1, Integer::sum);
        sha256.update(identity, 0, length);
        sha256.update(SEPARATOR);
        sha256.update(Integer.toString(occurrence).getBytes(StandardCharsets.US_ASCII));
        // 64 bits: two messages of one conversation collide with odds of about 1 in 10^7 at 1.5 M messages.
        return ByteBuffer.wrap(sha256.digest()).getLong();
    }

    /** Writes {@code time} as {@link LocalDateTime#toString()} does, digit by digit for the times exports hold. */
    private void startMoment(LocalDateTime time) {
        // A new map rather than clear(), which walks the whole table a busy moment grew.
        seenAtThisMoment = new HashMap<>();
        byAuthorAtThisMoment.clear();
        moment = time;
        length = 0;
        if (time.getYear() >= 1000 && time.getYear() <= 9999 && time.getNano() == 0) {
            digits(time.getYear(), 4);
            identity[length++] = '-';
            digits(time.getMonthValue(), 2);
            identity[length++] = '-';
            digits(time.getDayOfMonth(), 2);
            identity[length++] = 'T';
            digits(time.getHour(), 2);
            identity[length++] = ':';
            digits(time.getMinute(), 2);
            if (time.getSecond() > 0) {
                identity[length++] = ':';
                digits(time.getSecond(), 2);
            }
            identity[length++] = SEPARATOR;
        } else {
            append(time.toString().getBytes(StandardCharsets.US_ASCII));
        }
        momentLength = length;
    }

    private void digits(int value, int count) {
        for (int i = count - 1; i >= 0; i--) {
            identity[length + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += count;
    }

    /** Appends {@code part} and a separator. */
    private void append(byte[] part) {
        put(part);
        identity[length++] = SEPARATOR;
    }

    /** Appends {@code part}, with room for a separator after it. */
    private void put(byte[] part) {
        ensureRoom(part.length + 1);
        System.arraycopy(part, 0, identity, length, part.length);
        length += part.length;
    }

    private void ensureRoom(int bytes) {
        if (identity.length < length + bytes) {
            identity = Arrays.copyOf(identity, Math.max(identity.length * 2, length + bytes));
        }
    }

    /** A moment's identity as bytes, with its hash computed once. */
    private record Identity(byte[] bytes, int hash) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Identity that && hash == that.hash && Arrays.equals(bytes, that.bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
