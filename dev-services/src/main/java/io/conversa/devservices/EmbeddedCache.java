package io.conversa.devservices;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

/** Redis for caches, rate limits and flow sessions, persisting every write like production does. */
final class EmbeddedCache implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedCache.class);

  private final RedisServer redis;
  private final int port;

  private EmbeddedCache(RedisServer redis, int port) {
    this.redis = redis;
    this.port = port;
  }

  static Path pidFile(Path dataDir) {
    return directory(dataDir).resolve("redis.pid");
  }

  private static Path directory(Path dataDir) {
    return dataDir.resolve("redis");
  }

  static EmbeddedCache start(Path dataDir, Path runtimeDir, int port) throws IOException {
    Path directory = Files.createDirectories(directory(dataDir));
    File executable = ExecutableProvider.newJarResourceProvider(runtimeDir.toFile()).get();
    // Our own file instead of the library's builder, which writes the configuration to /tmp.
    Path configuration = directory.resolve("redis.conf");
    Files.writeString(
        configuration,
        String.join(
            "\n",
            "bind 127.0.0.1",
            "dir " + quoted(directory),
            "pidfile " + quoted(pidFile(dataDir)),
            "appendonly yes",
            "appendfsync always",
            ""));
    RedisServer redis =
        new RedisServer(
            port,
            List.of(
                executable.getAbsolutePath(),
                configuration.toString(),
                "--port",
                Integer.toString(port)),
            false,
            LOG::debug,
            LOG::warn);
    redis.start();
    LOG.info("Redis ready on port {}, data in {}", port, directory);
    return new EmbeddedCache(redis, port);
  }

  private static String quoted(Path path) {
    return '"' + path.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  Map<String, String> settings() {
    return Map.of("CONVERSA_REDIS_URL", "redis://localhost:" + port);
  }

  /** SIGTERM: Redis flushes the append-only file and removes its pidfile before it exits. */
  @Override
  public void close() throws IOException {
    redis.stop();
  }
}
