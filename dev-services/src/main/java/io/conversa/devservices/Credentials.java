package io.conversa.devservices;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The generated secrets of the dev services, created at the first start and kept in the data
 * directory, because the database role and the stored objects outlive one run.
 */
record Credentials(String databasePassword, String s3AccessKey, String s3SecretKey) {

  private static final String DATABASE_PASSWORD = "database.password";
  private static final String S3_ACCESS_KEY = "s3.access-key";
  private static final String S3_SECRET_KEY = "s3.secret-key";
  private static final SecureRandom RANDOM = new SecureRandom();

  static Credentials loadOrCreate(Path file) throws IOException {
    if (Files.exists(file)) {
      return load(file);
    }
    Credentials created = new Credentials(randomToken(24), randomToken(15), randomToken(30));
    created.store(file);
    return created;
  }

  private static Credentials load(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return new Credentials(
        required(properties, DATABASE_PASSWORD, file),
        required(properties, S3_ACCESS_KEY, file),
        required(properties, S3_SECRET_KEY, file));
  }

  private static String required(Properties properties, String key, Path file) {
    String value = properties.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          file + " lacks " + key + "; delete the file to regenerate it");
    }
    return value;
  }

  private void store(Path file) throws IOException {
    Properties properties = new Properties();
    properties.setProperty(DATABASE_PASSWORD, databasePassword);
    properties.setProperty(S3_ACCESS_KEY, s3AccessKey);
    properties.setProperty(S3_SECRET_KEY, s3SecretKey);
    StringWriter content = new StringWriter();
    properties.store(content, "Conversa dev services secrets, generated once");
    PrivateFile.write(file, content.toString());
  }

  /** URL-safe Base64, so the values need no quoting in the env file or in URLs. */
  private static String randomToken(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  @Override
  public String toString() {
    return "Credentials[secrets hidden]";
  }
}
