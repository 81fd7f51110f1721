package io.conversa.interfaces.export;

/** The WhatsApp app that wrote an export; each writes its own header style. */
public enum Platform {
    ANDROID,
    IOS
}
