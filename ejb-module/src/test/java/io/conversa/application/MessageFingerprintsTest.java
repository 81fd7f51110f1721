package io.conversa.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.conversa.interfaces.export.Exports;
import io.conversa.interfaces.export.MessageKind;
import io.conversa.interfaces.export.ParsedMessage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MessageFingerprintsTest {

    private static final LocalDateTime NINE = LocalDateTime.parse("2024-05-01T09:00:00");

    @Test
    void aLaterExportGivesTheSameMessageTheSameFingerprint() {
        long first = new MessageFingerprints().of(message(NINE, "Ana", "ok", 3));
        long later = new MessageFingerprints().of(message(NINE, "Ana", "ok", 250));
        assertThat(later).isEqualTo(first);
    }

    @Test
    void twoIdenticalMessagesInTheSameMinuteStayTwo() {
        MessageFingerprints fingerprints = new MessageFingerprints();
        assertThat(fingerprints.of(message(NINE, "Ana", "ok", 0)))
                .isNotEqualTo(fingerprints.of(message(NINE, "Ana", "ok", 1)));
    }

    @Test
    void theTimeZoneChosenForAnImportDoesNotChangeTheFingerprint() {
        ParsedMessage utc = message(NINE, "Ana", "ok", 0);
        ParsedMessage lisbon = new ParsedMessage(0, 1, NINE, NINE.toInstant(ZoneOffset.ofHours(1)), "Ana",
                MessageKind.TEXT, "ok", null, false, List.of());
        assertThat(new MessageFingerprints().of(lisbon)).isEqualTo(new MessageFingerprints().of(utc));
    }

    @Test
    void authorTextAndTimeEachTellMessagesApart() {
        long base = new MessageFingerprints().of(message(NINE, "Ana", "ok", 0));
        assertThat(new MessageFingerprints().of(message(NINE, "Ben", "ok", 0))).isNotEqualTo(base);
        assertThat(new MessageFingerprints().of(message(NINE, "Ana", "ok!", 0))).isNotEqualTo(base);
        assertThat(new MessageFingerprints().of(message(NINE.plusMinutes(1), "Ana", "ok", 0))).isNotEqualTo(base);
    }

    /**
     * Fingerprints are stored, and a later import must reproduce them: this spells out the digest's input
     * as it has been since fingerprints were first stored, and checks every message of a fixture export.
     */
    @ParameterizedTest
    @MethodSource("io.conversa.interfaces.export.Exports#chatTexts")
    void everyMessageOfAFixtureGetsTheStoredDefinitionsFingerprint(Path fixture) throws Exception {
        List<ParsedMessage> messages = Exports.messagesOf(fixture);
        assertThat(messages).isNotEmpty();
        assertThat(fingerprints(messages)).isEqualTo(byDefinition(messages));
        // As an import asks both identities of each message: the media ones must not shift the others' counts.
        MessageFingerprints both = new MessageFingerprints();
        List<Long> asImported = new ArrayList<>();
        List<Long> media = new ArrayList<>();
        for (ParsedMessage m : messages) {
            asImported.add(both.of(m));
            media.add(both.mediaOf(m));
        }
        assertThat(asImported).isEqualTo(byDefinition(messages));
        assertThat(media).isEqualTo(mediaByDefinition(messages));
    }

    @Test
    void aMediaMessageKeepsItsMediaIdentityWithItsFileOrWithout() {
        ParsedMessage omitted = media(NINE, "Ana", MessageKind.MEDIA_OMITTED, "Caption", null, 0);
        ParsedMessage attached = media(NINE, "Ana", MessageKind.ATTACHMENT, "Caption", "IMG-20240501-WA0001.jpg", 0);
        ParsedMessage contact = media(NINE, "Ana", MessageKind.CONTACT, "", "Ben.vcf", 0);

        assertThat(new MessageFingerprints().of(attached)).isNotEqualTo(new MessageFingerprints().of(omitted));
        assertThat(new MessageFingerprints().mediaOf(attached)).isEqualTo(new MessageFingerprints().mediaOf(omitted))
                .isEqualTo(new MessageFingerprints().mediaOf(contact)).isNotNull();
        assertThat(new MessageFingerprints().mediaOf(message(NINE, "Ana", "<Media omitted>", 0))).as("text").isNull();
    }

    /**
     * The iOS fixture's zip export, and the same chat as an export without media writes it: iOS puts "image omitted"
     * (after a left-to-right mark) where the export with media has {@code <attached: ...>}.
     */
    @Test
    void anIosExportWithMediaAndOneWithoutGiveItsMediaMessagesTheSameMediaIdentities() throws Exception {
        String withMedia;
        try (ZipFile zip = new ZipFile(Exports.fixture("ios_en_dmy-dots_brackets-seconds_poll_media_pustur-website-example.zip")
                .toFile())) {
            withMedia = new String(zip.getInputStream(zip.getEntry("_chat.txt")).readAllBytes(), StandardCharsets.UTF_8);
        }
        String withoutMedia = withMedia.replaceAll("<attached: [^>]*PHOTO[^>]*>", "\u200Eimage omitted")
                .replaceAll("<attached: [^>]*VIDEO[^>]*>", "\u200Evideo omitted")
                .replaceAll("<attached: [^>]*AUDIO[^>]*>", "\u200Eaudio omitted")
                .replaceAll("<attached: [^>]*\\.zip>", "\u200Edocument omitted");
        List<ParsedMessage> attached = Exports.messagesOf(withMedia.getBytes(StandardCharsets.UTF_8));
        List<ParsedMessage> omitted = Exports.messagesOf(withoutMedia.getBytes(StandardCharsets.UTF_8));

        assertThat(attached).extracting(ParsedMessage::kind).filteredOn(MessageKind.ATTACHMENT::equals).hasSize(4);
        assertThat(omitted).extracting(ParsedMessage::kind).filteredOn(MessageKind.MEDIA_OMITTED::equals).hasSize(4);
        assertThat(mediaIdentities(omitted)).containsExactlyElementsOf(mediaIdentities(attached)).hasSize(4);
        // While their fingerprints differ, and every other message's are the same.
        List<Long> omittedFingerprints = fingerprints(omitted);
        List<Long> attachedFingerprints = fingerprints(attached);
        for (int i = 0; i < omitted.size(); i++) {
            assertThat(omittedFingerprints.get(i).equals(attachedFingerprints.get(i))).as(omitted.get(i).text())
                    .isEqualTo(omitted.get(i).kind() != MessageKind.MEDIA_OMITTED);
        }
    }

    @Test
    void mediaIdentitiesCountTheAuthorsMediaAtTheMomentAndNothingElse() {
        MessageFingerprints first = new MessageFingerprints();
        first.mediaOf(message(NINE, "Ana", "look", 0));
        Long firstPicture = first.mediaOf(media(NINE, "Ana", MessageKind.MEDIA_OMITTED, "", null, 1));
        Long bensPicture = first.mediaOf(media(NINE, "Ben", MessageKind.MEDIA_OMITTED, "", null, 2));
        Long secondPicture = first.mediaOf(media(NINE, "Ana", MessageKind.MEDIA_OMITTED, "", null, 3));
        Long nextMinute = first.mediaOf(media(NINE.plusMinutes(1), "Ana", MessageKind.MEDIA_OMITTED, "", null, 4));

        assertThat(List.of(firstPicture, bensPicture, secondPicture, nextMinute)).doesNotHaveDuplicates();
        // The later export with media, where a text message sits between the two pictures.
        MessageFingerprints later = new MessageFingerprints();
        assertThat(later.mediaOf(media(NINE, "Ana", MessageKind.ATTACHMENT, "", "IMG-1.jpg", 0))).isEqualTo(firstPicture);
        assertThat(later.mediaOf(message(NINE, "Ana", "and this", 1))).isNull();
        assertThat(later.mediaOf(media(NINE, "Ana", MessageKind.ATTACHMENT, "a caption", "IMG-2.jpg", 2)))
                .isEqualTo(secondPicture);
    }

    @Test
    void systemMessagesAttachmentsSecondsAndRepeatsGetTheStoredDefinitionsFingerprint() throws Exception {
        LocalDateTime withSeconds = NINE.plusSeconds(7);
        List<ParsedMessage> messages = List.of(
                message(NINE, "Ana", "ok", 0), message(NINE, "Ana", "ok", 1), message(NINE, "Ana", "ok", 2),
                new ParsedMessage(3, 4, NINE, NINE.toInstant(ZoneOffset.UTC), null, MessageKind.SYSTEM,
                        "Ana added Ben", null, false, List.of()),
                new ParsedMessage(4, 5, withSeconds, withSeconds.toInstant(ZoneOffset.UTC), "Ben \uD83D\uDE00",
                        MessageKind.ATTACHMENT, "caption ✓", "IMG-20240501-WA0001.jpg", false, List.of()),
                message(withSeconds, "Ben \uD83D\uDE00", "ok", 5), message(withSeconds, "Ana", "ok", 6),
                // A lone surrogate (written '?', as String.getBytes writes it), and times outside the digit-by-digit path.
                message(NINE, "Ana", "broken \uD83D pair and a lone \uDE00", 7),
                message(LocalDateTime.of(999, 1, 2, 3, 4, 5, 6_000_000), "Ana", "ok", 8),
                message(LocalDateTime.of(12024, 12, 31, 23, 59), "Ana", "ok", 9));
        assertThat(fingerprints(messages)).isEqualTo(byDefinition(messages));
    }

    @Test
    void aMessagesPlaceIsItsRankAmongItsAuthorsMessagesOfItsMoment() {
        MessageFingerprints fingerprints = new MessageFingerprints();
        List<ParsedMessage> messages = List.of(message(NINE, "Ana", "hi", 0), message(NINE, "Ben", "hi", 1),
                new ParsedMessage(2, 3, NINE, NINE.toInstant(ZoneOffset.UTC), null, MessageKind.SYSTEM, "Ana added Cy",
                        null, false, List.of()),
                media(NINE, "Ana", MessageKind.MEDIA_OMITTED, "", null, 3), message(NINE, "Ana", "look", 4),
                message(NINE.plusMinutes(1), "Ana", "later", 5));
        List<Integer> places = new ArrayList<>();
        for (ParsedMessage m : messages) {
            fingerprints.of(m);
            fingerprints.mediaOf(m);
            places.add(fingerprints.placeOf(m));
        }
        assertThat(places).containsExactly(1, 1, 0, 2, 3, 1);
    }

    /** The media identities of the messages that have one, in order, as an import computes them. */
    private static List<Long> mediaIdentities(List<ParsedMessage> messages) {
        MessageFingerprints fingerprints = new MessageFingerprints();
        List<Long> identities = new ArrayList<>();
        for (ParsedMessage m : messages) {
            fingerprints.of(m);
            Long media = fingerprints.mediaOf(m);
            if (media != null) {
                identities.add(media);
            }
        }
        return identities;
    }

    private static List<Long> fingerprints(List<ParsedMessage> messages) {
        MessageFingerprints fingerprints = new MessageFingerprints();
        return messages.stream().map(fingerprints::of).toList();
    }

    /** The definition, written the way it was first stored: one string, its UTF-8 bytes, SHA-256's first 64 bits. */
    private static List<Long> byDefinition(List<ParsedMessage> messages) throws Exception {
        return byDefinition(messages, m -> m.localTime() + "\u0001" + m.author() + "\u0001" + m.kind() + "\u0001" + m.text()
                + "\u0001" + m.attachmentName());
    }

    /** The media identity's definition: {@code time + SEP + author + SEP + "MEDIA" + SEP + SEP + occurrence}. */
    private static List<Long> mediaByDefinition(List<ParsedMessage> messages) throws Exception {
        Set<MessageKind> media = EnumSet.of(MessageKind.MEDIA_OMITTED, MessageKind.ATTACHMENT, MessageKind.CONTACT);
        return byDefinition(messages, m -> media.contains(m.kind()) ? m.localTime() + "\u0001" + m.author() + "\u0001MEDIA\u0001"
                : null);
    }

    /**
     * Each message's identity (null for none) with its occurrence among the same identities of its moment, as
     * SHA-256's first 64 bits of their UTF-8 bytes.
     */
    private static List<Long> byDefinition(List<ParsedMessage> messages, Function<ParsedMessage, String> identities)
            throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        Map<String, Integer> seen = new HashMap<>();
        LocalDateTime moment = null;
        List<Long> out = new ArrayList<>();
        for (ParsedMessage m : messages) {
            if (!m.localTime().equals(moment)) {
                seen.clear();
                moment = m.localTime();
            }
            String identity = identities.apply(m);
            if (identity == null) {
                out.add(null);
                continue;
            }
            int occurrence = seen.merge(identity, 1, Integer::sum);
            out.add(ByteBuffer.wrap(sha256.digest((identity + "\u0001" + occurrence).getBytes(StandardCharsets.UTF_8)))
                    .getLong());
        }
        return out;
    }

    private static ParsedMessage media(LocalDateTime at, String author, MessageKind kind, String caption, String file,
            int sequence) {
        return new ParsedMessage(sequence, sequence + 1L, at, at.toInstant(ZoneOffset.UTC), author, kind, caption, file,
                false, List.of());
    }

    private static ParsedMessage message(LocalDateTime at, String author, String text, int sequence) {
        Instant sentAt = at.toInstant(ZoneOffset.UTC);
        return new ParsedMessage(sequence, sequence + 1L, at, sentAt, author, MessageKind.TEXT, text, null, false, List.of());
    }
}
