package io.conversa.devservices;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An S3-compatible endpoint in this JVM (s3proxy), keeping each object as a file on disk. */
final class EmbeddedObjectStore implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedObjectStore.class);
  // s3proxy waits 30 s for requests in flight by default; a dev stop should not.
  private static final long STOP_TIMEOUT_MILLIS = 5_000;

  private final S3Proxy proxy;
  private final Credentials credentials;
  private final String bucket;

  private EmbeddedObjectStore(S3Proxy proxy, Credentials credentials, String bucket) {
    this.proxy = proxy;
    this.credentials = credentials;
    this.bucket = bucket;
  }

  static EmbeddedObjectStore start(Path dataDir, int port, Credentials credentials, String bucket)
      throws Exception {
    Path baseDir = Files.createDirectories(dataDir.resolve("s3"));
    BlobStore store = new FilesystemNio2BlobStore(baseDir.toString());
    if (!store.containerExists(bucket)) {
      store.createContainer(bucket);
    }
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(store)
            .endpoint(URI.create("http://localhost:" + port))
            .awsAuthentication(
                AuthenticationType.AWS_V2_OR_V4,
                credentials.s3AccessKey(),
                credentials.s3SecretKey())
            .stopTimeout(STOP_TIMEOUT_MILLIS)
            .build();
    proxy.start();
    LOG.info("S3 (s3proxy) ready on port {}, bucket {} in {}", proxy.getPort(), bucket, baseDir);
    return new EmbeddedObjectStore(proxy, credentials, bucket);
  }

  Map<String, String> settings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("CONVERSA_S3_ENDPOINT", "http://localhost:" + proxy.getPort());
    settings.put("CONVERSA_S3_ACCESS_KEY", credentials.s3AccessKey());
    settings.put("CONVERSA_S3_SECRET_KEY", credentials.s3SecretKey());
    settings.put("CONVERSA_S3_BUCKET", bucket);
    return settings;
  }

  @Override
  public void close() throws Exception {
    proxy.stop();
  }
}
