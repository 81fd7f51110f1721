package io.conversa.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refresh tokens of code logins: {@code <id>.<secret>}, of which only the secret's SHA-256 is
 * stored. Each is good for one use, which hands out its successor in the same family; using one a
 * second time means a copy is in other hands, and the whole family is revoked.
 */
@Stateless
public class RefreshTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "CONVERSA_REFRESH_TOKEN_TTL", defaultValue = "P30D")
    Duration lifetime;

    /** A new token for {@code accountId} in {@code family}. */
    public String issue(long accountId, UUID family) {
        UUID id = UUID.randomUUID();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        em.createNativeQuery("INSERT INTO refresh_token (id, account_id, family, secret_hash, expires_at) VALUES (?, ?, ?, ?, ?)")
                .setParameter(1, id).setParameter(2, accountId).setParameter(3, family).setParameter(4, sha256(encoded))
                .setParameter(5, Timestamp.from(Instant.now().plus(lifetime))).executeUpdate();
        return id + "." + encoded;
    }

    /** Uses {@code token} up: the account it belongs to when it was valid and unused, with its family. */
    public Optional<Holder> use(String token) {
        Optional<Holder> holder = find(token);
        if (holder.isEmpty()) {
            return Optional.empty();
        }
        int used = em.createNativeQuery("UPDATE refresh_token SET used_at = now() WHERE id = ? AND used_at IS NULL"
                        + " AND revoked_at IS NULL AND expires_at > now()")
                .setParameter(1, holder.get().id()).executeUpdate();
        if (used == 0) {
            revokeFamily(holder.get().family()); // replayed, revoked or expired: end that login everywhere
            return Optional.empty();
        }
        return holder;
    }

    /** Logs out: every token of the login {@code token} belongs to stops working. */
    public void revoke(String token) {
        find(token).ifPresent(holder -> revokeFamily(holder.family()));
    }

    /** Whose token it is; {@code id} and {@code family} identify the token and its login. */
    public record Holder(UUID id, long accountId, UUID family) {
    }

    private Optional<Holder> find(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        UUID id;
        try {
            id = UUID.fromString(token.substring(0, dot));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        List<?> rows = em.createNativeQuery("SELECT account_id, CAST(family AS text), secret_hash FROM refresh_token WHERE id = ?")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        boolean matches = MessageDigest.isEqual(sha256(token.substring(dot + 1)).getBytes(StandardCharsets.US_ASCII),
                ((String) row[2]).getBytes(StandardCharsets.US_ASCII));
        return matches ? Optional.of(new Holder(id, ((Number) row[0]).longValue(), UUID.fromString((String) row[1])))
                : Optional.empty();
    }

    private void revokeFamily(UUID family) {
        em.createNativeQuery("UPDATE refresh_token SET revoked_at = now() WHERE family = ? AND revoked_at IS NULL")
                .setParameter(1, family).executeUpdate();
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
