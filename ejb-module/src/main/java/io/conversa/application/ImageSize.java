package io.conversa.application;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.zip.ZipEntry;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** An image's width and height, read from its header without decoding the pixels. */
record ImageSize(int width, int height) {

    /** RIFF header, "WEBP", the first chunk's header, and the size fields of any of its three chunk kinds. */
    private static final int WEBP_HEADER_BYTES = 30;

    /** Null when no reader of this JDK knows the format or the header is damaged (see below). */
    static ImageSize of(StoredExport export, ZipEntry entry) throws IOException {
        try (InputStream in = export.open(entry)) {
            return of(in);
        }
    }

    /**
     * Null when neither this JDK's readers nor the WebP header (WhatsApp's stickers; the JDK has no reader for it)
     * tell the size (HEIC), or the image's header is unreadable: a damaged picture is still stored, without its
     * size. Failures to read the bytes themselves are thrown.
     */
    static ImageSize of(InputStream in) throws IOException {
        BufferedInputStream bytes = new BufferedInputStream(in);
        bytes.mark(WEBP_HEADER_BYTES);
        byte[] head = bytes.readNBytes(WEBP_HEADER_BYTES);
        if (isWebp(head)) {
            return webp(head);
        }
        bytes.reset();
        try (ImageInputStream image = ImageIO.createImageInputStream(bytes)) {
            Iterator<ImageReader> readers = image == null ? null : ImageIO.getImageReaders(image);
            if (readers == null || !readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(image, true, true);
                return new ImageSize(reader.getWidth(0), reader.getHeight(0));
            } catch (IIOException | RuntimeException damaged) {
                // ImageIO's readers report a damaged header as IIOException, some as an unchecked exception.
                return null;
            } finally {
                reader.dispose();
            }
        }
    }

    private static boolean isWebp(byte[] head) {
        return head.length == WEBP_HEADER_BYTES && ascii(head, 0, "RIFF") && ascii(head, 8, "WEBP");
    }

    /** The size as the first chunk states it (RFC 9649: VP8, VP8L or VP8X); null for another chunk. */
    private static ImageSize webp(byte[] head) {
        if (ascii(head, 12, "VP8 ") && (head[23] & 0xFF) == 0x9D && head[24] == 0x01 && head[25] == 0x2A) {
            return new ImageSize(little(head, 26, 2) & 0x3FFF, little(head, 28, 2) & 0x3FFF);
        }
        if (ascii(head, 12, "VP8L") && head[20] == 0x2F) {
            int bits = little(head, 21, 4);
            return new ImageSize((bits & 0x3FFF) + 1, ((bits >>> 14) & 0x3FFF) + 1);
        }
        if (ascii(head, 12, "VP8X")) {
            return new ImageSize(little(head, 24, 3) + 1, little(head, 27, 3) + 1);
        }
        return null;
    }

    private static boolean ascii(byte[] bytes, int at, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (bytes[at + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int little(byte[] bytes, int at, int length) {
        int value = 0;
        for (int i = length - 1; i >= 0; i--) {
            value = value << 8 | (bytes[at + i] & 0xFF);
        }
        return value;
    }
}
