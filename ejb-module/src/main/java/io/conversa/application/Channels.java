package io.conversa.application;

import static io.conversa.infrastructure.persistence.ColumnValues.instant;

import io.conversa.infrastructure.security.SecretBox;
import io.conversa.infrastructure.whatsapp.ChannelTokens;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The WhatsApp phone numbers Conversa sends from, beyond the one configured by environment: each
 * with its own access token, stored sealed by {@link SecretBox} and never shown again.
 */
@Stateless
@LocalBean
@Local(ChannelTokens.class)
public class Channels implements ChannelTokens {

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretBox box;

    /** What the API shows of a channel: never its token. */
    public record Channel(String phoneNumberId, String displayName, String createdBy, Instant createdAt) {
    }

    public Channel add(String phoneNumberId, String displayName, String accessToken, String createdBy) {
        if (phoneNumberId == null || !phoneNumberId.matches("[0-9]{5,30}")) {
            throw new InvalidRequestException("phoneNumberId is the numeric id Meta gives the phone number.");
        }
        if (accessToken == null || accessToken.isBlank()) {
            throw new InvalidRequestException("accessToken is the Graph API token of the phone number's app.");
        }
        int added = em.createNativeQuery("INSERT INTO channel (phone_number_id, display_name, access_token, created_by)"
                        + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .setParameter(1, phoneNumberId).setParameter(2, displayName)
                .setParameter(3, box.seal(accessToken, DataKeys.active(em))).setParameter(4, createdBy).executeUpdate();
        if (added == 0) {
            throw new SendRefusedException("Channel " + phoneNumberId + " exists; remove it first to change its token.");
        }
        return find(phoneNumberId).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    public List<Channel> list() {
        List<Object[]> rows = em.createNativeQuery("SELECT phone_number_id, display_name, created_by, created_at FROM channel"
                + " ORDER BY created_at").getResultList();
        return rows.stream().map(r -> new Channel((String) r[0], (String) r[1], (String) r[2], instant(r[3]))).toList();
    }

    public Optional<Channel> find(String phoneNumberId) {
        return list().stream().filter(c -> c.phoneNumberId().equals(phoneNumberId)).findFirst();
    }

    public boolean remove(String phoneNumberId) {
        return em.createNativeQuery("DELETE FROM channel WHERE phone_number_id = ?").setParameter(1, phoneNumberId)
                .executeUpdate() == 1;
    }

    /** The channel's own access token, when an admin added one for it. */
    @Override
    public Optional<String> of(String phoneNumberId) {
        List<?> sealed = em.createNativeQuery("SELECT access_token FROM channel WHERE phone_number_id = ?")
                .setParameter(1, phoneNumberId).getResultList();
        return sealed.stream().map(s -> box.open((String) s)).findFirst();
    }
}
