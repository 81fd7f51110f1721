package io.conversa.infrastructure.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Signing a link for a public URL needs no storage (the region is given): this runs without one, nothing
 * listens at the endpoint. Links signed for the endpoint itself are fetched in the ITs (PrivacyIT, GraphApiIT).
 */
class ObjectStorageLinksTest {

    @Test
    void signsLinksForThePublicUrlWhenOneIsSet() {
        URI link = URI.create(storage("https://files.example.com").presignedGet("media/a b.jpg", Duration.ofMinutes(15)));
        assertThat(link.getScheme()).isEqualTo("https");
        assertThat(link.getHost()).isEqualTo("files.example.com");
        assertThat(link.getPath()).isEqualTo("/conversa/media/a b.jpg");
        assertThat(link.getQuery()).contains("X-Amz-Expires=900", "us-east-1/s3/aws4_request", "X-Amz-SignedHeaders=host")
                .containsPattern("X-Amz-Signature=[0-9a-f]{64}");
    }

    private static ObjectStorage storage(String publicUrl) {
        ObjectStorage storage = new ObjectStorage();
        storage.endpoint = "http://10.0.0.5:9000";
        storage.accessKey = "conversa";
        storage.secretKey = "secret-key";
        storage.bucket = "conversa";
        storage.publicUrl = Optional.of(publicUrl);
        storage.region = "us-east-1";
        storage.connect();
        return storage;
    }
}
