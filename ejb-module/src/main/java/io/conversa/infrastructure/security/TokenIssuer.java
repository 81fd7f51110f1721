package io.conversa.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/** Issues the RS256 JWTs that MP JWT accepts on /api/v1: subject, upn and roles as groups. */
@ApplicationScoped
public class TokenIssuer {

    @Inject
    SigningKeys keys;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer", defaultValue = "conversa")
    String issuer;

    @Inject
    @ConfigProperty(name = "CONVERSA_TOKEN_TTL", defaultValue = "PT1H")
    Duration lifetime;

    public IssuedToken issue(String principal, Collection<String> groups) {
        return issue(principal, groups, lifetime);
    }

    /** A token valid for {@code lifetime} instead of the configured default. */
    public IssuedToken issue(String principal, Collection<String> groups, Duration lifetime) {
        return sign(claims(principal, groups, lifetime, null, null), lifetime);
    }

    /**
     * A long-lived integrator token: its {@code jti} names the stored row that the authentication
     * mechanism checks on every request, and {@code scope} (space-separated) limits what it may do.
     */
    public IssuedToken issueApiToken(String principal, Collection<String> groups, Duration lifetime, String id, String scope) {
        return sign(claims(principal, groups, lifetime, id, scope), lifetime);
    }

    private JwtClaims claims(String principal, Collection<String> groups, Duration lifetime, String id, String scope) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(principal);
        claims.setClaim("upn", principal);
        claims.setStringListClaim("groups", List.copyOf(groups));
        claims.setIssuedAtToNow();
        if (id == null) {
            claims.setGeneratedJwtId();
        } else {
            claims.setJwtId(id);
            claims.setClaim("scope", scope);
        }
        claims.setExpirationTimeMinutesInTheFuture(lifetime.toSeconds() / 60f);
        return claims;
    }

    private IssuedToken sign(JwtClaims claims, Duration lifetime) {

        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.privateKey());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return new IssuedToken(jws.getCompactSerialization(), lifetime.toSeconds());
        } catch (JoseException e) {
            throw new IllegalStateException("Could not sign a token", e);
        }
    }

    /** A signed token and how many seconds it stays valid. */
    public record IssuedToken(String token, long expiresIn) {
    }
}
