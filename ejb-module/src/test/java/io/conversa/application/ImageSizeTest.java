package io.conversa.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
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

    /** Written by libwebp's cwebp 1.2.4 from pictures of 37 x 23 (and 3,000 x 2) pixels, as WhatsApp's stickers are WebP. */
    @Test
    void readsTheSizeOfEachKindOfWebp() throws IOException {
        assertThat(webp("UklGRkgAAABXRUJQVlA4IDwAAAAwAwCdASolABcAPtFmrFCoJaQipWgBABoJZwDOsA8KmggAAP7qZf9VU9frW//jeP8l39u+yk8rGE8AAAA=")).as("lossy, VP8").isEqualTo(new ImageSize(37, 23));
        assertThat(webp("UklGRh4AAABXRUJQVlA4TBEAAAAvJIAFAAdQjyLXo/+BiOh/AAA=")).as("lossless, VP8L").isEqualTo(new ImageSize(37, 23));
        assertThat(webp("UklGRiYAAABXRUJQVlA4TBoAAAAvt0sAAAdQgVQIIAAKmv7HABLC//lSRP9Tdg==")).as("lossless, wide").isEqualTo(new ImageSize(3000, 2));
        assertThat(webp("UklGRmwAAABXRUJQVlA4WAoAAAAQAAAAJAAAFgAAQUxQSAoAAAABB1CyiAhERP8DVlA4IDwAAAAwAwCdASolABcAPtFmrFCoJaQipWgBABoJZwDOsA8KmggAAP7qZf9VU9frW//jeP8l39u+yk8rGE8AAAA=")).as("with alpha, VP8X").isEqualTo(new ImageSize(37, 23));
    }

    @Test
    void anUnknownFormatHasNoSize() throws IOException {
        assertThat(ImageSize.of(new ByteArrayInputStream("RIFF\0\0\0\0WEBPABCD and more bytes to fill".getBytes()))).isNull();
        assertThat(ImageSize.of(new ByteArrayInputStream("neither an image nor long".getBytes()))).isNull();
    }

    private static ImageSize webp(String base64) throws IOException {
        return ImageSize.of(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
    }

    private static byte[] image(String format, int width, int height) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, bytes);
        return bytes.toByteArray();
    }
}
