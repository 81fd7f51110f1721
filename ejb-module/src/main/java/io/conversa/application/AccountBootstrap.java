package io.conversa.application;

import io.conversa.domain.model.account.Account;
import io.conversa.domain.model.account.Role;
import io.conversa.infrastructure.security.PasswordHashing;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes sure an administrator exists on first start: with CONVERSA_ADMIN_PASSWORD, or with a
 * generated password shown once on the console and kept in the data folder.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrations")
public class AccountBootstrap {

    static final String ADMIN_USERNAME = "admin";

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHashing passwords;

    @Inject
    @ConfigProperty(name = "CONVERSA_ADMIN_PASSWORD")
    Optional<String> configuredPassword;

    @Inject
    @ConfigProperty(name = "CONVERSA_DATA_DIR")
    String dataDir;

    @PostConstruct
    void ensureAdmin() {
        long admins = em.createNamedQuery("Account.countWithRole", Long.class)
                .setParameter("role", Role.admin).getSingleResult();
        if (admins > 0) {
            return;
        }
        String password = configuredPassword.filter(p -> !p.isBlank()).orElseGet(this::generatedPassword);
        em.persist(Account.staff(ADMIN_USERNAME, passwords.hash(password), Role.admin));
    }

    private String generatedPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Path file = Path.of(dataDir, "admin-password");
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + "\n", StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Shown once, on purpose: the operator has no other way to learn the first password.
        System.out.println("Conversa: created user 'admin' with password " + password + " (also in " + file + ")");
        return password;
    }
}
