package io.conversa.infrastructure.storage;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.http.Method;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Uploads, media and exports in S3-compatible storage (MinIO in production, s3proxy in development). */
@ApplicationScoped
public class ObjectStorage {

    /** Multipart chunk for uploads of unknown length: memory per upload stays at this size. */
    private static final long PART_SIZE = 16L * 1024 * 1024;

    @Inject
    @ConfigProperty(name = "CONVERSA_S3_ENDPOINT", defaultValue = "http://localhost:9000")
    String endpoint;

    @Inject
    @ConfigProperty(name = "CONVERSA_S3_ACCESS_KEY", defaultValue = "conversa")
    String accessKey;

    @Inject
    @ConfigProperty(name = "CONVERSA_S3_SECRET_KEY", defaultValue = "")
    String secretKey;

    @Inject
    @ConfigProperty(name = "CONVERSA_S3_BUCKET", defaultValue = "conversa")
    String bucket;

    /**
     * Where clients reach the storage, when not at {@code CONVERSA_S3_ENDPOINT}: in production that is a
     * private address, and a link signed for it opens nowhere else (the host is part of the signature).
     */
    @Inject
    @ConfigProperty(name = "CONVERSA_S3_PUBLIC_URL")
    Optional<String> publicUrl;

    /** The storage's region, for links signed for {@link #publicUrl}, which cannot ask the storage for it. */
    @Inject
    @ConfigProperty(name = "CONVERSA_S3_REGION", defaultValue = "us-east-1")
    String region;

    private MinioClient client;
    private MinioClient linkSigner;

    @PostConstruct
    void connect() {
        client = MinioClient.builder().endpoint(endpoint).credentials(accessKey, secretKey).build();
        linkSigner = publicUrl.filter(url -> !url.isBlank())
                .map(url -> MinioClient.builder().endpoint(url).region(region).credentials(accessKey, secretKey).build())
                .orElse(client);
    }

    /** Streams {@code content} of unknown length into {@code key}. */
    public void put(String key, InputStream content, String contentType) {
        call(() -> {
            ensureBucket();
            client.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                    .stream(content, -1, PART_SIZE).contentType(contentType).build());
            return null;
        });
    }

    public InputStream open(String key) {
        return call(() -> client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build()));
    }

    /** A link anyone holding it can GET {@code key} with, for {@code lifetime}; signed for the public URL, if one is set. */
    public String presignedGet(String key, Duration lifetime) {
        return call(() -> linkSigner.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(Method.GET)
                .bucket(bucket).object(key).expiry((int) lifetime.toSeconds()).build()));
    }

    public void delete(String key) {
        call(() -> {
            client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
            return null;
        });
    }

    /**
     * For the readiness check: true when the bucket can be reached, after creating it if it is missing.
     * A fresh MinIO has no bucket, and waiting for the first upload to create it would keep a new
     * installation from ever reporting ready.
     */
    public boolean reachable() {
        return call(() -> {
            ensureBucket();
            return true;
        });
    }

    private void ensureBucket() throws Exception {
        if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
            client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
        }
    }

    private static <T> T call(StorageCall<T> call) {
        try {
            return call.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new StorageException(e);
        }
    }

    @FunctionalInterface
    private interface StorageCall<T> {
        T run() throws Exception;
    }
}
