package io.conversa.interfaces.security;

import java.util.List;

/**
 * The two zones of seed 004: with an internal port configured, the admin pages (with the staff login
 * form they use), the admin API and the webhook answer only on that port, and the public port answers
 * 404 for them (as if they did not exist). Without one, everything is served on the one port
 * (development).
 */
public record Zones(Integer internalPort) {

    private static final List<String> INTERNAL = List.of("/admin/", "/api/v1/admin/", "/webhook/");
    /** The staff login page and where it posts: only staff use them, and only to reach the admin pages. */
    private static final List<String> STAFF_LOGIN = List.of(CallerAuthentication.LOGIN_PAGE, CallerAuthentication.LOGIN_ACTION);

    /** Is {@code path} (inside the application) refused when it arrives on {@code localPort}? */
    public boolean hides(String path, int localPort) {
        return internalPort != null && internalPort > 0 && localPort != internalPort && isInternal(path);
    }

    static boolean isInternal(String path) {
        return STAFF_LOGIN.contains(path) || INTERNAL.stream().anyMatch(prefix -> path.startsWith(prefix) || path.equals(prefix.substring(0, prefix.length() - 1)));
    }
}
