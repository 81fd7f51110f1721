package io.conversa.interfaces.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Set;

/** A staff member logged in to the admin pages, kept in their HTTP session. */
record StaffSession(String name, Set<String> groups) implements Serializable {

    private static final String ATTRIBUTE = StaffSession.class.getName();

    static StaffSession of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (StaffSession) session.getAttribute(ATTRIBUTE);
    }

    /** A new session id on login, so a session fixed before login is worth nothing after it. */
    static void start(HttpServletRequest request, String name, Set<String> groups) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        request.getSession(true).setAttribute(ATTRIBUTE, new StaffSession(name, Set.copyOf(groups)));
    }
}
