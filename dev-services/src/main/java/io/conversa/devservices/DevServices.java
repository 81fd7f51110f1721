package io.conversa.devservices;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the backing services that no environment variable points elsewhere, writes where they
 * listen to an env file for bin/conversa and the tests, and stops them when the JVM ends.
 */
public final class DevServices implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DevServices.class);
  private static final String USAGE =
      "usage: java io.conversa.devservices.DevServices --data-dir DIR --env-file FILE";

  private final Path dataDir;
  private final Path envFile;
  private final Deque<AutoCloseable> running = new ArrayDeque<>();
  private boolean closed;

  private DevServices(Path dataDir, Path envFile) {
    this.dataDir = dataDir.toAbsolutePath();
    this.envFile = envFile.toAbsolutePath();
  }

  public static void main(String[] args) throws InterruptedException {
    Map<String, String> options = options(args);
    if (options == null) {
      System.err.println(USAGE);
      System.exit(2);
    }
    DevServices services =
        new DevServices(Path.of(options.get("--data-dir")), Path.of(options.get("--env-file")));
    Runtime.getRuntime().addShutdownHook(new Thread(services::close, "dev-services-stop"));
    try {
      services.startMissing(System.getenv());
    } catch (Throwable e) {
      // Exit even on an Error: a started Jetty or Redis thread would keep a half-started JVM alive.
      LOG.error("Dev services failed to start", e);
      System.exit(1);
    }
    System.out.println("dev services ready");
    System.out.flush();
    // The services run on their own threads and processes; this thread only waits for SIGTERM.
    Thread.currentThread().join();
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    boolean complete =
        args.length == 4 && options.containsKey("--data-dir") && options.containsKey("--env-file");
    return complete ? options : null;
  }

  /** Starts the services missing from {@code env} and writes the env file; close() stops them. */
  static DevServices start(Path dataDir, Path envFile, Map<String, String> env) throws Exception {
    DevServices services = new DevServices(dataDir, envFile);
    try {
      services.startMissing(env);
    } catch (Exception e) {
      services.close();
      throw e;
    }
    return services;
  }

  static Path pidFile(Path dataDir) {
    return dataDir.resolve("dev-services.pid");
  }

  private synchronized void startMissing(Map<String, String> env) throws Exception {
    long began = System.nanoTime();
    // Private when new: it holds secrets, data, and binaries that run as this user.
    Files.createDirectories(
        dataDir,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    StaleProcesses.stopAll(dataDir);
    Files.writeString(pidFile(dataDir), ProcessHandle.current().pid() + "\n");
    Credentials credentials = Credentials.loadOrCreate(dataDir.resolve("credentials.properties"));
    Path runtimeDir = Files.createDirectories(dataDir.resolve("runtime"));
    Map<String, String> settings = new LinkedHashMap<>();
    if (absent(env, "CONVERSA_DB_URL")) {
      EmbeddedDatabase database =
          EmbeddedDatabase.start(
              dataDir,
              runtimeDir,
              port(env, "CONVERSA_DEV_PG_PORT"),
              credentials.databasePassword());
      running.push(database);
      settings.putAll(database.settings());
    }
    if (absent(env, "CONVERSA_REDIS_URL")) {
      EmbeddedCache cache =
          EmbeddedCache.start(dataDir, runtimeDir, port(env, "CONVERSA_DEV_REDIS_PORT"));
      running.push(cache);
      settings.putAll(cache.settings());
    }
    if (absent(env, "CONVERSA_S3_ENDPOINT")) {
      String bucket =
          absent(env, "CONVERSA_S3_BUCKET") ? "conversa" : env.get("CONVERSA_S3_BUCKET");
      EmbeddedObjectStore store =
          EmbeddedObjectStore.start(
              dataDir, port(env, "CONVERSA_DEV_S3_PORT"), credentials, bucket);
      running.push(store);
      settings.putAll(store.settings());
    }
    PrivateFile.write(envFile, envFileContent(settings));
    LOG.info("Ready in {} ms; settings in {}", (System.nanoTime() - began) / 1_000_000, envFile);
  }

  /** An empty variable counts as unset, as an unfilled line in a shell env file leaves it. */
  private static boolean absent(Map<String, String> env, String variable) {
    String value = env.get(variable);
    return value == null || value.isBlank();
  }

  private static int port(Map<String, String> env, String variable) throws IOException {
    if (!absent(env, variable)) {
      return Integer.parseInt(env.get(variable).trim());
    }
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String envFileContent(Map<String, String> settings) {
    StringBuilder content = new StringBuilder();
    settings.forEach((key, value) -> content.append(key).append('=').append(value).append('\n'));
    return content.toString();
  }

  /** Last started, first stopped; the env file goes first so no one picks up stopping services. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    deleteQuietly(envFile);
    while (!running.isEmpty()) {
      AutoCloseable service = running.pop();
      try {
        service.close();
      } catch (Exception e) {
        LOG.error("Could not stop {}", service.getClass().getSimpleName(), e);
      }
    }
    deleteQuietly(pidFile(dataDir));
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("Could not delete {}", file, e);
    }
  }
}
