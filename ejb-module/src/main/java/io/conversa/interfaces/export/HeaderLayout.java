package io.conversa.interfaces.export;

/** The shapes a message header line takes; one shape holds for a whole file. */
public enum HeaderLayout {
    /** {@code 18/03/2022, 14:56 - Author: text} */
    ANDROID(Platform.ANDROID),
    /** {@code [18/03/2022, 14:56:01] Author: text} */
    IOS(Platform.IOS),
    /** {@code [14:56:01, 18/03/2022] Author: text}, as Vietnamese iOS writes it. */
    IOS_TIME_FIRST(Platform.IOS);

    private final Platform platform;

    HeaderLayout(Platform platform) {
        this.platform = platform;
    }

    public Platform platform() {
        return platform;
    }
}
