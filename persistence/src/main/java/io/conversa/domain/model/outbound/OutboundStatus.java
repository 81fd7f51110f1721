package io.conversa.domain.model.outbound;

/**
 * How far a send got. QUEUED until Meta accepts it; SENT, DELIVERED and READ follow Meta's status
 * webhooks and only ever move forward; FAILED is final until an admin re-drives the send.
 */
public enum OutboundStatus {
    QUEUED, SENT, DELIVERED, READ, FAILED;

    /** The status a Cloud API status webhook names ("sent", "delivered", "read", "failed"), if it is one of these. */
    public static OutboundStatus ofWebhook(String status) {
        return switch (status) {
            case "sent" -> SENT;
            case "delivered" -> DELIVERED;
            case "read", "played" -> READ;
            case "failed" -> FAILED;
            default -> null;
        };
    }
}
