package io.conversa.interfaces.security;

import io.conversa.application.ApiTokens;
import io.conversa.infrastructure.security.PasswordHashing;
import io.conversa.interfaces.rest.RequestIds;
import io.conversa.infrastructure.security.TokenVerifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Authenticates every request of the web module: bearer JWTs on /api/ (stateless, 401 problem when
 * missing or invalid on a protected resource), and a FORM login for the admin pages whose HTTP
 * session remembers the caller. The API never honours that session, so a logged-in browser cannot
 * be tricked into API calls. Passwords are checked by the database identity store, with the hash
 * parameters {@link PasswordHashing} writes with. The internal zone's paths arriving on the public port
 * are answered 404 before anything else, so there an admin page does not exist rather than asking for
 * a login (see {@link Zones}).
 */
@ApplicationScoped
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "jdbc/conversa",
        callerQuery = "SELECT password_hash FROM app_user WHERE username = ? AND enabled",
        groupsQuery = "SELECT r.role FROM user_role r JOIN app_user u ON u.id = r.user_id WHERE u.username = ?",
        hashAlgorithm = Pbkdf2PasswordHash.class,
        hashAlgorithmParameters = {
            "Pbkdf2PasswordHash.Algorithm=" + PasswordHashing.ALGORITHM,
            "Pbkdf2PasswordHash.Iterations=" + PasswordHashing.ITERATIONS,
            "Pbkdf2PasswordHash.SaltSizeBytes=" + PasswordHashing.SALT_BYTES
        })
public class CallerAuthentication implements HttpAuthenticationMechanism {

    static final String LOGIN_ACTION = "/login";
    static final String LOGIN_PAGE = "/login.html";
    private static final String BEARER = "Bearer ";
    /** Request attribute: the scopes of an integrator's API token; absent for every other caller. */
    public static final String API_SCOPES = "io.conversa.apiScopes";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    TokenVerifier tokens;

    @Inject
    ApiTokens apiTokens;

    @Inject
    @ConfigProperty(name = "CONVERSA_INTERNAL_HTTP_PORT")
    Optional<Integer> internalPort;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (new Zones(internalPort.orElse(null)).hides(path, request.getLocalPort())) {
            // A protected page would ask for a login first; the other paths reach InternalZoneFilter's 404.
            return context.isProtected() ? notHere(request, response) : context.doNothing();
        }
        if (path.startsWith("/api/")) {
            String requestId = RequestIds.idFor(request.getHeader(RequestIds.HEADER));
            request.setAttribute(RequestIds.ATTRIBUTE, requestId);
            response.setHeader(RequestIds.HEADER, requestId); // before any 401, which never reaches JAX-RS
            return bearer(request, response, context);
        }
        if (path.equals(LOGIN_ACTION) && "POST".equals(request.getMethod())) {
            return form(request, context);
        }
        StaffSession staff = StaffSession.of(request);
        if (staff != null) {
            return context.notifyContainerAboutLogin(staff::name, new HashSet<>(staff.groups()));
        }
        if (context.isProtected()) {
            return context.redirect(request.getContextPath() + LOGIN_PAGE);
        }
        return context.doNothing();
    }

    private AuthenticationStatus bearer(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return context.isProtected()
                    ? unauthorized(response, "Log in first: send a bearer token from POST /api/v1/auth/token.")
                    : context.doNothing();
        }
        Optional<TokenVerifier.Bearer> verified = tokens.verify(header.substring(BEARER.length()).trim());
        // Liberty goes on to an unprotected resource whatever is answered here, so a refusal is written
        // only when it is protected: the endpoint's role check asks again (isProtected then) and gets it.
        if (verified.isEmpty()) {
            return context.isProtected() ? unauthorized(response, "The bearer token is invalid or expired.")
                    : context.doNothing();
        }
        TokenVerifier.Bearer bearer = verified.get();
        if (bearer.apiTokenId() != null) {
            if (!apiTokens.isLive(UUID.fromString(bearer.apiTokenId()))) {
                return context.isProtected() ? unauthorized(response, "The API token was revoked or its account disabled.")
                        : context.doNothing();
            }
            request.setAttribute(API_SCOPES, bearer.scopes()); // read by ScopeFilter
        }
        return context.notifyContainerAboutLogin(bearer::name, new HashSet<>(bearer.groups()));
    }

    private AuthenticationStatus form(HttpServletRequest request, HttpMessageContext context) {
        String username = request.getParameter("j_username");
        String password = request.getParameter("j_password");
        CredentialValidationResult result = username == null || password == null
                ? CredentialValidationResult.INVALID_RESULT
                : identityStores.validate(new UsernamePasswordCredential(username, password));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return context.redirect(request.getContextPath() + LOGIN_PAGE + "?error=true");
        }
        StaffSession.start(request, result.getCallerPrincipal().getName(), result.getCallerGroups());
        return context.notifyContainerAboutLogin(result);
    }

    /**
     * A 401 with a problem body, written here: Liberty answers a failed authentication with the status
     * alone and never reaches the error page. SEND_CONTINUE tells it the answer is complete.
     */
    private static AuthenticationStatus unauthorized(HttpServletResponse response, String detail) {
        response.setHeader("WWW-Authenticate", "Bearer realm=\"conversa\"");
        return answered(response, () -> ProblemErrorPage.write(response, HttpServletResponse.SC_UNAUTHORIZED, detail));
    }

    /** 404, as for any address that does not exist: nothing behind it runs, no login is asked for. */
    private static AuthenticationStatus notHere(HttpServletRequest request, HttpServletResponse response) {
        return answered(response, () -> ProblemErrorPage.answer(request, response, HttpServletResponse.SC_NOT_FOUND,
                request.getRequestURI()));
    }

    private interface Answer {
        void write() throws IOException;
    }

    private static AuthenticationStatus answered(HttpServletResponse response, Answer answer) {
        try {
            answer.write();
            response.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }
}
