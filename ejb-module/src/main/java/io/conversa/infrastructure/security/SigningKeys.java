package io.conversa.infrastructure.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The RSA key pair that signs Conversa's JWTs. Generated on first start into the data folder
 * and reused afterwards, so tokens survive restarts.
 */
@ApplicationScoped
public class SigningKeys {

    /** Also named by mp.jwt.verify.publickey.location in the web module's configuration. */
    private static final String PUBLIC_PEM = "jwt-public.pem";

    @Inject
    @ConfigProperty(name = "CONVERSA_DATA_DIR")
    String dataDir;

    private PrivateKey privateKey;
    private PublicKey publicKey;

    /**
     * Loads (on a new data folder: generates) the keys while the server starts, so that the first login
     * does not wait for a new 2048-bit key: delivering the event makes CDI create the bean.
     */
    void atStart(@Observes Startup start) {
        // nothing more to do: load() has run
    }

    @PostConstruct
    void load() {
        Path dir = Path.of(dataDir, "keys");
        Path privatePem = dir.resolve("jwt-private.pem");
        try {
            if (!Files.exists(privatePem)) {
                generate(dir, privatePem);
            }
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(decodePem(Files.readString(privatePem))));
            publicKey = rsa.generatePublic(new X509EncodedKeySpec(decodePem(Files.readString(dir.resolve(PUBLIC_PEM)))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JWT signing key unreadable: " + privatePem, e);
        }
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    private static void generate(Path dir, Path privatePem) throws IOException, GeneralSecurityException {
        Files.createDirectories(dir);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        Path tmp = Files.createTempFile(dir, "jwt-private", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(dir.resolve(PUBLIC_PEM), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        Files.move(tmp, privatePem);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] decodePem(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }
}
