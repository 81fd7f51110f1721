package io.conversa.devservices;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** PostgreSQL 17 holding the conversa database, on a data directory that survives restarts. */
final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
  private static final String NAME = "conversa";
  // pg_trgm and upper()/lower() ignore non-ASCII letters under the C locale.
  private static final String LOCALE = "C.UTF-8";
  private static final String ACCESS_RULES =
      """
      # Written by Conversa dev services at every start.
      # The superuser stays passwordless for the dev services themselves; the application role
      # needs its password, as it does in production.
      local all all trust
      host all postgres 127.0.0.1/32 trust
      host all postgres ::1/128 trust
      host all all 127.0.0.1/32 scram-sha-256
      host all all ::1/128 scram-sha-256
      """;

  private final EmbeddedPostgres postgres;
  private final String password;

  private EmbeddedDatabase(EmbeddedPostgres postgres, String password) {
    this.postgres = postgres;
    this.password = password;
  }

  static Path dataDirectory(Path dataDir) {
    return dataDir.resolve("postgres-17");
  }

  static Path pidFile(Path dataDir) {
    return dataDirectory(dataDir).resolve("postmaster.pid");
  }

  static EmbeddedDatabase start(Path dataDir, Path runtimeDir, int port, String password)
      throws IOException, SQLException {
    // Zonky deletes unlocked data directories older than ten minutes under its working directory,
    // which defaults to the shared /tmp; give it one that holds only binaries and sockets.
    System.setProperty("ot.epg.working-dir", runtimeDir.toString());
    EmbeddedPostgres postgres =
        EmbeddedPostgres.builder()
            .setOverrideWorkingDirectory(runtimeDir.toFile())
            .setDataDirectory(dataDirectory(dataDir))
            .setCleanDataDirectory(false)
            .setRegisterShutdownHook(false)
            .setPort(port)
            // Zonky ignores pg_ctl's exit code: a taken port shows only as this wait running out.
            .setPGStartupWait(Duration.ofSeconds(20))
            .setLocaleConfig("locale", LOCALE)
            // Zonky's defaults trade durability for test speed; dev data must survive a crash.
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("full_page_writes", "on")
            .setServerConfig("unix_socket_directories", runtimeDir.toString())
            .setDataDirectoryCustomizer(EmbeddedDatabase::writeAccessRules)
            .start();
    // Zonky opens its working directory to all users; ours holds binaries that we run.
    Files.setPosixFilePermissions(runtimeDir, PosixFilePermissions.fromString("rwx------"));
    EmbeddedDatabase database = new EmbeddedDatabase(postgres, password);
    try {
      database.createRoleAndDatabase();
    } catch (SQLException | RuntimeException e) {
      database.close();
      throw e;
    }
    LOG.info("PostgreSQL ready on port {}, data in {}", port, dataDirectory(dataDir));
    return database;
  }

  private static void writeAccessRules(File dataDirectory) {
    try {
      Files.writeString(dataDirectory.toPath().resolve("pg_hba.conf"), ACCESS_RULES);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void createRoleAndDatabase() throws SQLException {
    try (Connection admin = postgres.getPostgresDatabase().getConnection();
        Statement statement = admin.createStatement()) {
      if (!exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?")) {
        statement.execute("CREATE ROLE " + NAME + " LOGIN");
      }
      // Hashed on this side, so the password never reaches the server log, even on an error.
      admin
          .unwrap(PGConnection.class)
          .alterUserPassword(NAME, password.toCharArray(), "scram-sha-256");
      if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?")) {
        statement.execute(
            "CREATE DATABASE " + NAME + " OWNER " + NAME + " ENCODING 'UTF8' LOCALE '" + LOCALE
                + "' TEMPLATE template0");
      }
    }
  }

  private static boolean exists(Connection connection, String query) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(query)) {
      statement.setString(1, NAME);
      try (ResultSet result = statement.executeQuery()) {
        return result.next();
      }
    }
  }

  Map<String, String> settings() {
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put(
        "CONVERSA_DB_URL", "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + NAME);
    settings.put("CONVERSA_DB_USER", NAME);
    settings.put("CONVERSA_DB_PASSWORD", password);
    return settings;
  }

  /** Zonky stops with pg_ctl's fast mode: sessions end, a checkpoint flushes everything to disk. */
  @Override
  public void close() throws IOException {
    postgres.close();
  }
}
