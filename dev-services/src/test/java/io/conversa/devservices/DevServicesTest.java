package io.conversa.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevServicesTest {

  @TempDir Path dataDir;
  @TempDir Path workDir;

  private Path envFile;

  @BeforeEach
  void placeEnvFileOutsideTheDataDirectory() {
    envFile = workDir.resolve("dev.env");
  }

  @AfterEach
  void stopWhateverATestLeftRunning() throws Exception {
    StaleProcesses.stopAll(dataDir);
  }

  @Test
  void servesRealBackingServicesAndKeepsDataAcrossRestart() throws Exception {
    Properties first;
    try (DevServices services = DevServices.start(dataDir, envFile, Map.of())) {
      first = settings();
      assertThat(first.stringPropertyNames())
          .containsExactlyInAnyOrder(
              "CONVERSA_DB_URL",
              "CONVERSA_DB_USER",
              "CONVERSA_DB_PASSWORD",
              "CONVERSA_REDIS_URL",
              "CONVERSA_S3_ENDPOINT",
              "CONVERSA_S3_ACCESS_KEY",
              "CONVERSA_S3_SECRET_KEY",
              "CONVERSA_S3_BUCKET");
      assertThat(first.getProperty("CONVERSA_S3_BUCKET")).isEqualTo("conversa");
      sql(first, "CREATE TABLE note (body text)", "INSERT INTO note VALUES ('olá, ñandú')");
      assertThat(
              query(
                  first,
                  "SELECT pg_encoding_to_char(encoding) || ' ' || datcollate || ' ' || datctype"
                      + " FROM pg_database WHERE datname = current_database()"))
          .isEqualTo("UTF8 C.UTF-8 C.UTF-8");
      // Under the C locale upper() leaves non-ASCII letters alone, as pg_trgm ignores them.
      assertThat(query(first, "SELECT upper(body) FROM note")).isEqualTo("OLÁ, ÑANDÚ");
      assertThat(query(first, "SHOW fsync")).isEqualTo("on");
      assertThat(redis(first, "PING")).isEqualTo("+PONG");
      assertThat(redis(first, "SET greeting hello")).isEqualTo("+OK");
      assertThat(httpStatus(first)).isEqualTo(403);
    }
    assertThat(envFile).doesNotExist();
    assertThat(DevServices.pidFile(dataDir)).doesNotExist();

    try (DevServices restarted = DevServices.start(dataDir, envFile, Map.of())) {
      Properties second = settings();
      assertThat(second.getProperty("CONVERSA_DB_PASSWORD"))
          .isEqualTo(first.getProperty("CONVERSA_DB_PASSWORD"));
      assertThat(second.getProperty("CONVERSA_S3_SECRET_KEY"))
          .isEqualTo(first.getProperty("CONVERSA_S3_SECRET_KEY"));
      assertThat(query(second, "SELECT body FROM note")).isEqualTo("olá, ñandú");
      assertThat(redis(second, "GET greeting")).isEqualTo("hello");
    }
  }

  @Test
  void keepsSecretsReadableByTheOwnerOnly() throws Exception {
    try (DevServices services =
        DevServices.start(dataDir, envFile, Map.of("CONVERSA_DB_URL", "jdbc:postgresql://db/x"))) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(envFile)))
          .isEqualTo("rw-------");
      assertThat(
              PosixFilePermissions.toString(
                  Files.getPosixFilePermissions(dataDir.resolve("credentials.properties"))))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void startsOnlyTheServicesNoVariablePointsElsewhere() throws Exception {
    Map<String, String> env =
        Map.of(
            "CONVERSA_DB_URL", "jdbc:postgresql://db.example:5432/conversa",
            "CONVERSA_S3_ENDPOINT", "https://s3.example",
            "CONVERSA_DEV_REDIS_PORT", Integer.toString(freePort()));
    try (DevServices services = DevServices.start(dataDir, envFile, env)) {
      Properties settings = settings();
      assertThat(settings.stringPropertyNames()).containsExactly("CONVERSA_REDIS_URL");
      assertThat(settings.getProperty("CONVERSA_REDIS_URL"))
          .isEqualTo("redis://localhost:" + env.get("CONVERSA_DEV_REDIS_PORT"));
      assertThat(redis(settings, "PING")).isEqualTo("+PONG");
    }
    assertThat(dataDir.resolve("postgres-17")).doesNotExist();
  }

  @Test
  void recoversTheDataDirectoryAfterTheJvmWasKilled() throws Exception {
    Process previous = startInOwnJvm();
    Properties settings = settings();
    sql(
        settings,
        "CREATE TABLE note (body text)",
        "INSERT INTO note VALUES ('written before kill')");
    long postmaster = firstLineOf(EmbeddedDatabase.pidFile(dataDir));
    previous.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).contains(true);

    try (DevServices services = DevServices.start(dataDir, envFile, Map.of())) {
      // PostgreSQL refuses a data directory whose postmaster still runs.
      assertThat(firstLineOf(EmbeddedDatabase.pidFile(dataDir))).isNotEqualTo(postmaster);
      assertThat(query(settings(), "SELECT body FROM note")).isEqualTo("written before kill");
    }
  }

  /** The command bin/conversa runs, with no CONVERSA_ variables inherited from the build. */
  private Process startInOwnJvm() throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElseThrow());
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.addAll(
        List.of(DevServices.class.getName(), "--data-dir", dataDir.toString(),
            "--env-file", envFile.toString()));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.startsWith("CONVERSA_"));
    builder.redirectError(workDir.resolve("dev-services.log").toFile());
    Process process = builder.start();
    try (BufferedReader stdout =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      assertThat(stdout.readLine()).isEqualTo("dev services ready");
    }
    return process;
  }

  private Properties settings() throws IOException {
    Properties settings = new Properties();
    try (Reader reader = Files.newBufferedReader(envFile)) {
      settings.load(reader);
    }
    return settings;
  }

  private static Connection connect(Properties settings) throws SQLException {
    return DriverManager.getConnection(
        settings.getProperty("CONVERSA_DB_URL"),
        settings.getProperty("CONVERSA_DB_USER"),
        settings.getProperty("CONVERSA_DB_PASSWORD"));
  }

  private static void sql(Properties settings, String... statements) throws SQLException {
    try (Connection connection = connect(settings);
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    }
  }

  private static String query(Properties settings, String sql) throws SQLException {
    try (Connection connection = connect(settings);
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      assertThat(result.next()).isTrue();
      return result.getString(1);
    }
  }

  /** An inline RESP command; a bulk string reply is returned without its length line. */
  private static String redis(Properties settings, String command) throws IOException {
    URI redis = URI.create(settings.getProperty("CONVERSA_REDIS_URL"));
    try (Socket socket = new Socket(redis.getHost(), redis.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      String reply = in.readLine();
      return reply.startsWith("$") ? in.readLine() : reply;
    }
  }

  /** Without a signature S3 refuses, which proves an S3 endpoint answers. */
  private static int httpStatus(Properties settings) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(settings.getProperty("CONVERSA_S3_ENDPOINT") + "/conversa"))
            .GET()
            .build();
    return HttpClient.newHttpClient()
        .send(request, HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static long firstLineOf(Path file) throws IOException {
    return Long.parseLong(Files.readAllLines(file).get(0).trim());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
