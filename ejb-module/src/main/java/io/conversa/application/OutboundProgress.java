package io.conversa.application;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Moves a send forward along the statuses Meta reported for its WhatsApp id. Statuses arrive in
 * any order, even before Meta's answer to the send itself has been recorded, so the furthest one
 * stored wins: READ over DELIVERED over FAILED over SENT. (A multi-device contact may get
 * "delivered" after "failed"; the delivery is what counts.)
 */
@Stateless
public class OutboundProgress {

    private static final String RANK = "array_position(ARRAY['QUEUED','SENT','FAILED','DELIVERED','READ']::varchar[], %s)";

    @PersistenceContext
    EntityManager em;

    public void advance(String waMessageId) {
        em.createNativeQuery("UPDATE outbound_message o SET status = s.status, updated_at = now(),"
                        + " error_code = COALESCE(s.error_code, o.error_code), error_reason = COALESCE(s.error_title, o.error_reason)"
                        + " FROM (SELECT upper(CASE status WHEN 'played' THEN 'read' ELSE status END) AS status, error_code, error_title"
                        + "       FROM message_status WHERE wa_message_id = ?1"
                        + "       AND status IN ('sent', 'delivered', 'read', 'played', 'failed')"
                        + "       ORDER BY " + RANK.formatted("upper(CASE status WHEN 'played' THEN 'read' ELSE status END)::varchar")
                        + " DESC LIMIT 1) s"
                        + " WHERE o.wa_message_id = ?1 AND " + RANK.formatted("s.status::varchar") + " > " + RANK.formatted("o.status"))
                .setParameter(1, waMessageId)
                .executeUpdate();
    }
}
