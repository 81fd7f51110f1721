package io.conversa.application;

import io.conversa.infrastructure.security.SecretBox;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Which data key seals new secrets, and its rotation: a new key becomes active at once, then every
 * stored secret is re-sealed under it. Secrets under the old key keep opening meanwhile, so the
 * server keeps working throughout.
 */
@Stateless
public class DataKeys {

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretBox box;

    /** After a rotation: the key now active and how many secrets were re-sealed under it. */
    public record Rotation(int activeKey, int resealed) {
    }

    static int active(EntityManager em) {
        return ((Number) em.createNativeQuery("SELECT id FROM data_key WHERE active").getSingleResult()).intValue();
    }

    @SuppressWarnings("unchecked")
    public Rotation rotate() {
        int next = active(em) + 1;
        em.createNativeQuery("UPDATE data_key SET active = FALSE WHERE active").executeUpdate();
        em.createNativeQuery("INSERT INTO data_key (id, active) VALUES (?, TRUE)").setParameter(1, next).executeUpdate();
        int resealed = 0;
        List<Object[]> secrets = em.createNativeQuery("SELECT phone_number_id, access_token FROM channel FOR UPDATE").getResultList();
        for (Object[] secret : secrets) {
            if (SecretBox.keyIdOf((String) secret[1]) != next) {
                em.createNativeQuery("UPDATE channel SET access_token = ? WHERE phone_number_id = ?")
                        .setParameter(1, box.seal(box.open((String) secret[1]), next)).setParameter(2, secret[0]).executeUpdate();
                resealed++;
            }
        }
        return new Rotation(next, resealed);
    }
}
