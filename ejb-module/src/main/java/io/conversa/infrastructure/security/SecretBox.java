package io.conversa.infrastructure.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets for storage with AES-256-GCM under a numbered data key derived from the master
 * key: {@code "<key id>:<base64(nonce | ciphertext | tag)>"}. The key id travels with the value, so
 * values under an older key still open while they are re-encrypted under a newer one.
 */
@ApplicationScoped
public class SecretBox {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    MasterKey master;

    private final Map<Integer, SecretKeySpec> keys = new ConcurrentHashMap<>();

    @PostConstruct
    void check() {
        key(1); // fails at start, not at first use, when the master key is unusable
    }

    public String seal(String secret, int keyId) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, key(keyId), new GCMParameterSpec(TAG_BITS, nonce));
            aes.updateAAD(Integer.toString(keyId).getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = aes.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return keyId + ":" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    public String open(String sealed) {
        int colon = sealed.indexOf(':');
        int keyId = Integer.parseInt(sealed.substring(0, colon));
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(colon + 1));
        try {
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, key(keyId), new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            aes.updateAAD(Integer.toString(keyId).getBytes(StandardCharsets.US_ASCII));
            return new String(aes.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored secret does not open with data key " + keyId
                    + ": wrong CONVERSA_MASTER_KEY, or the value was altered", e);
        }
    }

    /** The id of the key {@code sealed} was sealed with. */
    public static int keyIdOf(String sealed) {
        return Integer.parseInt(sealed.substring(0, sealed.indexOf(':')));
    }

    private SecretKeySpec key(int id) {
        return keys.computeIfAbsent(id, k -> master.derive("data-key-" + k, "AES"));
    }
}
