package io.conversa.interfaces.security;

import jakarta.faces.application.ViewExpiredException;
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

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : response.getStatus();
        String text = defaultDetail(status);
        if (viewExpired(request.getAttribute(RequestDispatcher.ERROR_EXCEPTION))) {
            // No view of this session matched the form's ViewState: refused before anything was done.
            status = HttpServletResponse.SC_FORBIDDEN;
            text = "This form did not come from your session, or it expired: reload the page and send it again.";
        }
        answer(request, response, status, text, String.valueOf(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)));
    }

    /** Was the error a Faces postback whose ViewState matched no view of the session (perhaps wrapped)? */
    private static boolean viewExpired(Object error) {
        for (Throwable t = error instanceof Throwable thrown ? thrown : null; t != null; t = t.getCause()) {
            if (t instanceof ViewExpiredException) {
                return true;
            }
        }
        return false;
    }

    /** Answers {@code status} for {@code uri} (the path asked for): a problem body under /api/, a short page elsewhere. */
    static void answer(HttpServletRequest request, HttpServletResponse response, int status, String uri) throws IOException {
        answer(request, response, status, defaultDetail(status), uri);
    }

    private static void answer(HttpServletRequest request, HttpServletResponse response, int status, String text, String uri)
            throws IOException {
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
