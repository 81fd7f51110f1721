package io.conversa.infrastructure.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Conversa's master secret (256 bits): {@code CONVERSA_MASTER_KEY} (base64) in production, generated
 * once into the data folder in development. Each use gets a key of its own derived from it, so
 * that a key leaked from one use says nothing about the others.
 */
@ApplicationScoped
public class MasterKey {

    @Inject
    @ConfigProperty(name = "CONVERSA_MASTER_KEY")
    Optional<String> configured;

    @Inject
    @ConfigProperty(name = "CONVERSA_DATA_DIR")
    String dataDir;

    private byte[] master;

    @PostConstruct
    void load() {
        String encoded = configured.filter(k -> !k.isBlank()).orElseGet(this::generatedKey);
        master = Base64.getDecoder().decode(encoded.trim());
        if (master.length != 32) {
            throw new IllegalStateException("CONVERSA_MASTER_KEY must be 32 bytes, base64-encoded (openssl rand -base64 32)");
        }
    }

    /** A 256-bit key for {@code purpose} (HMAC-SHA256 of the purpose under the master key). */
    public SecretKeySpec derive(String purpose, String algorithm) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(master, "HmacSHA256"));
            return new SecretKeySpec(hmac.doFinal(purpose.getBytes(StandardCharsets.UTF_8)), algorithm);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is in every JDK", e);
        }
    }

    private String generatedKey() {
        return generatedIn(Path.of(dataDir));
    }

    /**
     * The development key of a data folder (base64), created there on first use; servers sharing the
     * folder (and tests that start another one) all take the first one written.
     */
    public static String generatedIn(Path dataDir) {
        Path file = dataDir.resolve("keys").resolve("master-key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Path tmp = Files.createTempFile(file.getParent(), "master-key", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(tmp, Base64.getEncoder().encodeToString(key));
                try {
                    Files.move(tmp, file);
                } catch (FileAlreadyExistsException anotherServerWasFirst) {
                    Files.delete(tmp);
                }
            }
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
