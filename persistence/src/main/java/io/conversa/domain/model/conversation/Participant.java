package io.conversa.domain.model.conversation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.UUID;

/** Someone who wrote in a conversation, as the export or WhatsApp names them. */
@Entity
@Table(name = "participant")
@NamedQuery(name = "Participant.ofConversation",
        query = "SELECT p FROM Participant p WHERE p.conversationId = :conversation ORDER BY p.displayName")
public class Participant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "conversation_id")
    private UUID conversationId;

    @Column(name = "display_name")
    private String displayName;

    private String phone;

    @Column(name = "message_count")
    private int messageCount;

    protected Participant() {
    }

    public Long id() {
        return id;
    }

    public UUID conversationId() {
        return conversationId;
    }

    public String displayName() {
        return displayName;
    }

    public String phone() {
        return phone;
    }

    public int messageCount() {
        return messageCount;
    }
}
