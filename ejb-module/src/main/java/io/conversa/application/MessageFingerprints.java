package io.conversa.application;

import io.conversa.interfaces.export.ParsedMessage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives each exported message an identity that a later export of the same chat reproduces: its
 * wall time as written (so the chosen time zone does not matter), author, kind, text and attachment,
 * plus how many identical messages came before it at the same moment, so that two real "ok" sent
 * in one minute stay two. Only the current moment is remembered, so memory stays flat.
 */
final class MessageFingerprints {

    private static final char SEPARATOR = '\u0001';

    private final Map<String, Integer> seenAtThisMoment = new HashMap<>();
    private final MessageDigest sha256;
    private LocalDateTime moment;

    MessageFingerprints() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }

    long of(ParsedMessage message) {
        if (!message.localTime().equals(moment)) {
            seenAtThisMoment.clear();
            moment = message.localTime();
        }
        String identity = message.localTime().toString() + SEPARATOR + message.author() + SEPARATOR + message.kind()
                + SEPARATOR + message.text() + SEPARATOR + message.attachmentName();
        int occurrence = seenAtThisMoment.merge(identity, 1, Integer::sum);
        byte[] digest = sha256.digest((identity + SEPARATOR + occurrence).getBytes(StandardCharsets.UTF_8));
        // 64 bits: two messages of one conversation collide with odds of about 1 in 10^7 at 1.5 M messages.
        return ByteBuffer.wrap(digest).getLong();
    }
}
