package io.conversa.application;

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

    /** Null when no reader of this JDK knows the format or the header is damaged (see below). */
    static ImageSize of(StoredExport export, ZipEntry entry) throws IOException {
        try (InputStream in = export.open(entry)) {
            return of(in);
        }
    }

    /**
     * Null when no reader of this JDK knows the format (WebP, HEIC) or the image's header is unreadable: a
     * damaged picture is still stored, without its size. Failures to read the bytes themselves are thrown.
     */
    static ImageSize of(InputStream in) throws IOException {
        try (ImageInputStream image = ImageIO.createImageInputStream(in)) {
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
}
