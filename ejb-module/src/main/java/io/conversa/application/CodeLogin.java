package io.conversa.application;

import io.conversa.domain.model.account.Account;
import io.conversa.domain.model.account.Role;
import io.conversa.infrastructure.cache.RateLimits;
import io.conversa.infrastructure.cache.Redis;
import io.conversa.infrastructure.security.MasterKey;
import io.conversa.infrastructure.security.TokenIssuer;
import io.conversa.infrastructure.security.TokenIssuer.IssuedToken;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Login by a code sent over WhatsApp: the number is the identity, there is no password. A code has
 * six digits, lives five minutes (CONVERSA_LOGIN_CODE_TTL), works once and dies after five wrong tries; only its HMAC is kept
 * (in Redis). Every number gets the same answer, known or not, and requests are limited per number
 * and per client address.
 */
@Stateless
public class CodeLogin {

    static final int MAX_WRONG_TRIES = 5;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Logger LOG = Logger.getLogger(CodeLogin.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Redis redis;

    @Inject
    RateLimits limits;

    @Inject
    Outbound outbound;

    @Inject
    MasterKey keys;

    @Inject
    TokenIssuer tokens;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    AuditTrail audit;

    /** The channel codes are sent from. */
    @Inject
    @ConfigProperty(name = "CONVERSA_WHATSAPP_PHONE_NUMBER_ID")
    Optional<String> channel;

    /** An approved authentication template of the business, with the code as its one parameter. */
    @Inject
    @ConfigProperty(name = "CONVERSA_LOGIN_TEMPLATE", defaultValue = "login_code")
    String template;

    @Inject
    @ConfigProperty(name = "CONVERSA_LOGIN_TEMPLATE_LANGUAGE", defaultValue = "en_US")
    String templateLanguage;

    @Inject
    @ConfigProperty(name = "CONVERSA_LOGIN_CODES_PER_NUMBER_PER_HOUR", defaultValue = "5")
    int perNumberPerHour;

    @Inject
    @ConfigProperty(name = "CONVERSA_LOGIN_CODES_PER_ADDRESS_PER_HOUR", defaultValue = "20")
    int perAddressPerHour;

    @Inject
    @ConfigProperty(name = "CONVERSA_LOGIN_CODE_TTL", defaultValue = "PT5M")
    Duration codeLifetime;

    @Inject
    @ConfigProperty(name = "CONVERSA_USER_TOKEN_TTL", defaultValue = "PT15M")
    Duration accessLifetime;

    private SecretKeySpec codeKey;

    /** An access token and the refresh token that renews it. */
    public record Login(IssuedToken access, String refreshToken) {
    }

    @PostConstruct
    void deriveKey() {
        codeKey = keys.derive("login-codes", "HmacSHA256");
    }

    public void requestCode(String phone, String clientAddress) {
        PhoneNumber number = PhoneNumber.parse(phone);
        limit("login-number:" + number.e164(), perNumberPerHour);
        limit("login-address:" + clientAddress, perAddressPerHour);
        String pnid = channel.filter(c -> !c.isBlank()).orElseThrow(() ->
                new SendRefusedException("Login by WhatsApp code is not set up here (CONVERSA_WHATSAPP_PHONE_NUMBER_ID)."));
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        String key = codeKey(number);
        redis.client().del(key);
        redis.client().hset(key, Map.of("mac", mac(number, code), "wrong", "0"));
        redis.client().pexpire(key, codeLifetime.toMillis());
        outbound.send(pnid, number.waId(), null, new Outgoing.LoginCode(template, templateLanguage, code), "login");
        audit.record(null, null, "login.request-code", number.e164(), "sent", clientAddress);
        LOG.info(() -> "Login code sent to " + number.masked());
    }

    /** The tokens of the number's account (made on its first login) when {@code code} is its live code. */
    public Optional<Login> verify(String phone, String code, String clientAddress) {
        PhoneNumber number = PhoneNumber.parse(phone);
        boolean right = code != null && code.matches("[0-9]{6}") && consume(number, code);
        audit.record(right ? number.e164() : null, right ? Role.USER : null, "login.verify", number.e164(),
                right ? "ok" : "refused", clientAddress);
        if (!right) {
            return Optional.empty();
        }
        Account account = em.createNamedQuery("Account.findByUsername", Account.class).setParameter("username", number.e164())
                .getResultStream().findFirst().orElseGet(() -> {
                    Account created = Account.phoneUser(number.e164());
                    em.persist(created);
                    em.flush();
                    return created;
                });
        if (!account.enabled()) {
            return Optional.empty();
        }
        return Optional.of(login(account, UUID.randomUUID()));
    }

    /** A fresh pair for the holder of an unused refresh token, which is used up. */
    public Optional<Login> refresh(String refreshToken) {
        return refreshTokens.use(refreshToken).flatMap(holder -> Optional.ofNullable(em.find(Account.class, holder.accountId()))
                .filter(Account::enabled).map(account -> login(account, holder.family())));
    }

    public void logout(String refreshToken) {
        refreshTokens.revoke(refreshToken);
    }

    private Login login(Account account, UUID family) {
        return new Login(tokens.issue(account.username(), Set.of(Role.USER), accessLifetime),
                refreshTokens.issue(account.id(), family));
    }

    /** True once: for the live code of the number, which is then gone. A wrong try counts towards its death. */
    private boolean consume(PhoneNumber number, String code) {
        String key = codeKey(number);
        String stored = redis.client().hget(key, "mac");
        if (stored == null) {
            return false;
        }
        boolean matches = MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII),
                mac(number, code).getBytes(StandardCharsets.US_ASCII));
        if (!matches) {
            if (redis.client().hincrBy(key, "wrong", 1) >= MAX_WRONG_TRIES) {
                redis.client().del(key);
            }
            return false;
        }
        return redis.client().del(key) == 1; // of two simultaneous right tries, one wins
    }

    private void limit(String key, int perHour) {
        Duration wait = limits.take(key, perHour, Duration.ofHours(1));
        if (!wait.isZero()) {
            throw new TooManyRequestsException("Too many login codes asked for; try again later.", wait);
        }
    }

    private static String codeKey(PhoneNumber number) {
        return "login:code:" + number.e164();
    }

    private String mac(PhoneNumber number, String code) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(codeKey);
            return HexFormat.of().formatHex(hmac.doFinal((number.e164() + ":" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
