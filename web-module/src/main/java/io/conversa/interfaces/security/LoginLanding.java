package io.conversa.interfaces.security;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Where the login form posts: {@link CallerAuthentication} has authenticated the request; send the person on. */
@WebServlet(CallerAuthentication.LOGIN_ACTION)
public class LoginLanding extends HttpServlet {

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + "/admin/conversations.xhtml");
    }
}
