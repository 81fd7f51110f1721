package io.conversa.application;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.zip.ZipEntry;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** An image's width and height, read from its header without decoding the pixels. */
record ImageSize(int width, int height) {

    /** Null when no reader of this JDK knows the format (WebP, HEIC). */
    static ImageSize of(StoredExport export, ZipEntry entry) throws IOException {
        try (InputStream in = export.open(entry)) {
            return of(in);
        }
    }

    /** Null when no reader of this JDK knows the format (WebP, HEIC). */
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
            } finally {
                reader.dispose();
            }
        }
    }
}
