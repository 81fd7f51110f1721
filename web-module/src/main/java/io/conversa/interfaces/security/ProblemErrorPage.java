package io.conversa.interfaces.security;

import jakarta.json.Json;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The error page for errors the container itself raises (authentication, unknown paths): API
 * callers get a problem body, browsers a short page. Never a stack trace.
 */
@WebServlet("/error")
public class ProblemErrorPage extends HttpServlet {

    /** Request attribute with the detail a problem should carry. */
    static final String DETAIL = "io.conversa.problem.detail";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : response.getStatus();
        Object detail = request.getAttribute(DETAIL);
        String text = detail != null ? detail.toString() : defaultDetail(status);
        String uri = String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        if (uri.startsWith(request.getContextPath() + "/api/")) {
            write(response, status, text);
        } else {
            response.setStatus(status);
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>Conversa</title>"
                    + "<link rel=\"stylesheet\" href=\"" + request.getContextPath() + "/conversa.css\"></head><body><main>"
                    + "<h1>" + title(status) + "</h1><p>" + text + "</p></main></body></html>");
        }
    }

    /** Answers with a problem body; for servlets, which have no JAX-RS exception mappers. */
    public static void write(HttpServletResponse response, int status, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.getWriter().write(Json.createObjectBuilder()
                .add("type", "about:blank").add("title", title(status)).add("status", status).add("detail", detail)
                .build().toString());
    }

    private static String title(int status) {
        return switch (status) {
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Payload Too Large";
            default -> status >= 500 ? "Internal Server Error" : "Bad Request";
        };
    }

    private static String defaultDetail(int status) {
        return switch (status) {
            case 401 -> "Log in first.";
            case 403 -> "Your role may not do this.";
            case 404 -> "There is nothing at this address.";
            default -> status >= 500 ? "Conversa could not complete the request; the error was logged." : "The request was not understood.";
        };
    }
}
