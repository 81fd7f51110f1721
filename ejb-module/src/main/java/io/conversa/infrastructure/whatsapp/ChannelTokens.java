package io.conversa.infrastructure.whatsapp;

import java.util.Optional;

/** Where the Graph client finds the access token an admin stored for a channel. */
public interface ChannelTokens {

    Optional<String> of(String phoneNumberId);
}
