package io.conversa.application;

import io.conversa.domain.model.account.Account;
import io.conversa.domain.model.account.Role;
import io.conversa.infrastructure.security.TokenIssuer;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Long-lived API tokens that admins issue to integrator accounts, each with scopes: issued once (the
 * token is shown only then), listed, revoked. Only the token's id is stored; {@link #isLive} is what
 * the authentication mechanism asks on every request, so a revocation takes effect at once.
 */
@Stateless
public class ApiTokens {

    static final Duration DEFAULT_LIFETIME = Duration.ofDays(365);

    @PersistenceContext
    EntityManager em;

    @Inject
    TokenIssuer issuer;

    /** An issued token as listed: never the token itself. */
    public record TokenInfo(UUID id, String name, List<String> scopes, String createdBy, Instant createdAt, Instant expiresAt,
            Instant revokedAt) {
    }

    /** A token just issued: the only time its value is seen. */
    public record Issued(TokenInfo info, String token) {
    }

    public Issued issue(long accountId, String name, List<String> scopes, Integer days, Caller admin) {
        Account account = integrator(accountId);
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new InvalidRequestException("Name the token (1 to 200 characters), e.g. the system that will use it.");
        }
        Set<String> granted = new LinkedHashSet<>();
        for (String scope : scopes == null ? List.<String>of() : scopes) {
            granted.add(ApiScope.of(scope).orElseThrow(() -> new InvalidRequestException("Unknown scope '" + scope
                    + "'; known: conversations:read, conversations:import, messages:send, search.")).value());
        }
        if (granted.isEmpty()) {
            throw new InvalidRequestException("Give the token at least one scope.");
        }
        Duration lifetime = days == null ? DEFAULT_LIFETIME : Duration.ofDays(days);
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.toDays() > 3650) {
            throw new InvalidRequestException("A token lives 1 to 3650 days.");
        }
        UUID id = UUID.randomUUID();
        String scopeClaim = String.join(" ", granted);
        TokenIssuer.IssuedToken token = issuer.issueApiToken(account.username(), List.of(Role.INTEGRATOR), lifetime,
                id.toString(), scopeClaim);
        Instant now = Instant.now();
        em.createNativeQuery("INSERT INTO api_token (id, account_id, name, scopes, created_by, created_at, expires_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, id).setParameter(2, accountId).setParameter(3, name).setParameter(4, scopeClaim)
                .setParameter(5, admin.name()).setParameter(6, Timestamp.from(now)).setParameter(7, Timestamp.from(now.plus(lifetime)))
                .executeUpdate();
        return new Issued(new TokenInfo(id, name, List.copyOf(granted), admin.name(), now, now.plus(lifetime), null), token.token());
    }

    @SuppressWarnings("unchecked")
    public List<TokenInfo> list(long accountId) {
        integrator(accountId);
        List<Object[]> rows = em.createNativeQuery("SELECT id, name, scopes, created_by, created_at, expires_at, revoked_at"
                + " FROM api_token WHERE account_id = ?1 ORDER BY created_at, id").setParameter(1, accountId).getResultList();
        return rows.stream().map(r -> new TokenInfo((UUID) r[0], (String) r[1], List.of(((String) r[2]).split(" ")), (String) r[3],
                instant(r[4]), instant(r[5]), instant(r[6]))).toList();
    }

    /** Revokes the token; false when the account has no such token. */
    public boolean revoke(long accountId, UUID tokenId) {
        integrator(accountId);
        return em.createNativeQuery("UPDATE api_token SET revoked_at = coalesce(revoked_at, now()) WHERE id = ?1 AND account_id = ?2")
                .setParameter(1, tokenId).setParameter(2, accountId).executeUpdate() == 1;
    }

    /** Is the token with this id issued, unrevoked, unexpired, and its account enabled? */
    public boolean isLive(UUID tokenId) {
        return !em.createNativeQuery("SELECT 1 FROM api_token t JOIN app_user u ON u.id = t.account_id WHERE t.id = ?1"
                + " AND t.revoked_at IS NULL AND t.expires_at > now() AND u.enabled").setParameter(1, tokenId).getResultList().isEmpty();
    }

    private Account integrator(long accountId) {
        Account account = em.find(Account.class, accountId);
        if (account == null) {
            throw new NotFoundException("No account " + accountId + ".");
        }
        if (!account.roles().contains(Role.integrator)) {
            throw new InvalidRequestException("API tokens are for integrator accounts; account " + accountId + " is not one.");
        }
        return account;
    }

    private static Instant instant(Object value) {
        return value == null ? null : io.conversa.infrastructure.persistence.ColumnValues.instant(value);
    }
}
