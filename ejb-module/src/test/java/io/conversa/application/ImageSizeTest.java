package io.conversa.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageSizeTest {

    @Test
    void readsTheSizeFromTheHeader() throws IOException {
        assertThat(ImageSize.of(new ByteArrayInputStream(image("png", 37, 23)))).isEqualTo(new ImageSize(37, 23));
        assertThat(ImageSize.of(new ByteArrayInputStream(image("jpg", 64, 48)))).isEqualTo(new ImageSize(64, 48));
    }

    @Test
    void aDamagedPictureHasNoSizeInsteadOfFailingItsImport() throws IOException {
        byte[] png = Arrays.copyOf(image("png", 37, 23), 18); // the signature, then the header cut short
        byte[] jpeg = Arrays.copyOf(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'}, 4096);

        assertThat(ImageSize.of(new ByteArrayInputStream(png))).isNull();
        assertThat(ImageSize.of(new ByteArrayInputStream(jpeg))).isNull();
    }

    @Test
    void anUnknownFormatHasNoSize() throws IOException {
        assertThat(ImageSize.of(new ByteArrayInputStream("RIFF\0\0\0\0WEBPVP8 ".getBytes()))).isNull();
    }

    private static byte[] image(String format, int width, int height) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, bytes);
        return bytes.toByteArray();
    }
}
