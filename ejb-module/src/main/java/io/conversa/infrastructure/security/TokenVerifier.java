package io.conversa.infrastructure.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * Checks a bearer token the way MP JWT is configured to (mp.jwt.verify.issuer, RS256 with the public
 * key of {@link SigningKeys}): signature, issuer and expiry. Used by the web module's authentication
 * mechanism, because Liberty hands every request of a module with a Jakarta Security mechanism to
 * that mechanism and never to its MP JWT interceptor.
 */
@ApplicationScoped
public class TokenVerifier {

    @Inject
    SigningKeys keys;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer", defaultValue = "conversa")
    String issuer;

    /**
     * Who a valid token names and the groups it grants; empty when the token is not valid. An
     * integrator's API token also has its id and scopes ({@code apiTokenId} null for other tokens),
     * and is only good while its stored row says so (checked by the caller).
     */
    public record Bearer(String name, List<String> groups, String apiTokenId, Set<String> scopes) {
    }

    public Optional<Bearer> verify(String token) {
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(30)
                .setExpectedIssuer(issuer)
                .setVerificationKey(keys.publicKey())
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .build();
        try {
            JwtClaims claims = consumer.processToClaims(token);
            String name = claims.getClaimValueAsString("upn");
            List<String> groups = claims.getStringListClaimValue("groups");
            String scope = claims.getClaimValueAsString("scope");
            return Optional.of(new Bearer(name != null ? name : claims.getSubject(), groups == null ? List.of() : groups,
                    scope == null ? null : claims.getJwtId(), scope == null ? null : Set.of(scope.split(" "))));
        } catch (InvalidJwtException | MalformedClaimException e) {
            return Optional.empty();
        }
    }
}
