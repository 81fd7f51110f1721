package io.conversa.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.conversa.interfaces.export.Exports;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MediaDurationTest {

    @Test
    void readsTheMovieHeaderOfAnMp4WhoseMediaDataComesFirst() throws IOException {
        ByteArrayOutputStream mp4 = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(mp4);
        box(out, "ftyp", "isom\0\0\0\0".getBytes(StandardCharsets.US_ASCII));
        box(out, "mdat", new byte[5_000]);
        ByteArrayOutputStream mvhd = new ByteArrayOutputStream();
        DataOutputStream header = new DataOutputStream(mvhd);
        header.writeInt(0);          // version 0, flags
        header.writeInt(0);          // creation time
        header.writeInt(0);          // modification time
        header.writeInt(600);        // timescale: units per second
        header.writeInt(36_900);     // duration: 61.5 s
        header.write(new byte[80]);
        ByteArrayOutputStream moov = new ByteArrayOutputStream();
        box(new DataOutputStream(moov), "mvhd", mvhd.toByteArray());
        box(out, "moov", moov.toByteArray());

        assertThat(MediaDuration.millisOf(new ByteArrayInputStream(mp4.toByteArray()), "video/mp4")).isEqualTo(61_500);
    }

    @Test
    void readsTheLengthOfTheVideoInTheIosFixtureExport() throws IOException {
        // mvhd of that file: timescale 1000, duration 4300 (read with a hex viewer)
        assertThat(lengthInIosFixture("00000002-VIDEO-2019-06-20-16-01-42.mp4", "video/mp4")).isEqualTo(4_300);
    }

    @Test
    void readsTheLastGranuleOfAnOggOpusVoiceNote() {
        ByteArrayOutputStream ogg = new ByteArrayOutputStream();
        ogg.writeBytes(page(0));
        ogg.writeBytes("OpusHead".getBytes(StandardCharsets.US_ASCII));
        ogg.writeBytes(new byte[] {1, 1, 0x38, 0x01}); // version, channels, pre-skip 312
        ogg.writeBytes(new byte[100_000]);              // audio pages
        ogg.writeBytes(page(48_000L * 7 + 24_000 + 312));
        ogg.writeBytes(new byte[40]);

        assertThat(MediaDuration.millisOf(new ByteArrayInputStream(ogg.toByteArray()), "audio/ogg")).isEqualTo(7_500);
    }

    @Test
    void estimatesAConstantBitRateMp3FromItsSize() throws IOException {
        // 240,325 bytes at 320 kbit/s; mutagen 1.46 (Debian's python3-mutagen) says 6.008125 s.
        assertThat(lengthInIosFixture("00000003-AUDIO-2019-06-20-16-03-55.mp3", "audio/mpeg")).isEqualTo(6_008);
    }

    private static Long lengthInIosFixture(String entry, String mimeType) throws IOException {
        try (ZipFile zip = new ZipFile(Exports.fixture("ios_en_dmy-dots_brackets-seconds_poll_media_pustur-website-example.zip").toFile());
                InputStream media = zip.getInputStream(zip.getEntry(entry))) {
            return MediaDuration.millisOf(media, mimeType);
        }
    }

    @Test
    void countsTheFramesAVariableBitRateMp3Declares() {
        // MPEG 1 layer III, 128 kbit/s, 44.1 kHz, joint stereo; a Xing header after 32 bytes of side data: 100 frames.
        ByteBuffer xing = ByteBuffer.allocate(2_000).put(new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0x40});
        xing.position(36).put("Xing".getBytes(StandardCharsets.US_ASCII)).putInt(1).putInt(100);
        assertThat(MediaDuration.millisOf(new ByteArrayInputStream(xing.array()), "audio/mpeg")).isEqualTo(100 * 1152 * 1000 / 44_100);

        // After an ID3v2 tag of 20 bytes: MPEG 2 layer III, 64 kbit/s, 22.05 kHz, mono, with a VBRI header: 250 frames.
        ByteBuffer vbri = ByteBuffer.allocate(2_000).put("ID3".getBytes(StandardCharsets.US_ASCII)).put(new byte[] {4, 0, 0, 0, 0, 0, 20})
                .put(new byte[20]).put(new byte[] {(byte) 0xFF, (byte) 0xF3, (byte) 0x80, (byte) 0xC0});
        vbri.position(30 + 36).put("VBRI".getBytes(StandardCharsets.US_ASCII)).position(30 + 36 + 14).putInt(250);
        assertThat(MediaDuration.millisOf(new ByteArrayInputStream(vbri.array()), "audio/mpeg")).isEqualTo(250 * 576 * 1000 / 22_050);
    }

    @Test
    void saysNothingForOtherFormatsAndBrokenFiles() {
        assertThat(MediaDuration.millisOf(new ByteArrayInputStream(new byte[10]), "audio/mpeg")).isNull();
        assertThat(MediaDuration.millisOf(new ByteArrayInputStream(new byte[5_000]), "audio/mpeg")).isNull();
        assertThat(MediaDuration.millisOf(new ByteArrayInputStream("not a movie".getBytes(StandardCharsets.US_ASCII)), "video/mp4"))
                .isNull();
        assertThat(MediaDuration.millisOf(new ByteArrayInputStream(new byte[200]), "audio/ogg")).isNull();
    }

    private static void box(DataOutputStream out, String type, byte[] content) throws IOException {
        out.writeInt(8 + content.length);
        out.writeBytes(type);
        out.write(content);
    }

    /** The first 14 bytes of an Ogg page header: capture pattern, version, type, granule position. */
    private static byte[] page(long granule) {
        return ByteBuffer.allocate(14).order(ByteOrder.LITTLE_ENDIAN).put("OggS".getBytes(StandardCharsets.US_ASCII))
                .put((byte) 0).put((byte) 0).putLong(granule).array();
    }
}
