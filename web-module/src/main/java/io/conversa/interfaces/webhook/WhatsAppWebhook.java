package io.conversa.interfaces.webhook;

import io.conversa.infrastructure.messaging.BurstShield;
import io.conversa.infrastructure.messaging.Queues;
import io.conversa.interfaces.security.ProblemErrorPage;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Meta's callback: GET answers the verification handshake; POST checks the body's signature over
 * the raw bytes, queues it durably and answers 200 at once. It takes no credentials but the signature.
 * A servlet rather than a JAX-RS resource, so the body's bytes are signed exactly as they arrived.
 */
@WebServlet("/webhook/whatsapp")
public class WhatsAppWebhook extends HttpServlet {

    /** "Webhooks payloads can be up to 3MB." */
    static final int MAX_BODY = 3 * 1024 * 1024;

    private static final Logger LOG = Logger.getLogger(WhatsAppWebhook.class.getName());

    @Inject
    @ConfigProperty(name = "CONVERSA_WHATSAPP_VERIFY_TOKEN")
    Optional<String> verifyToken;

    @Inject
    @ConfigProperty(name = "CONVERSA_WHATSAPP_APP_SECRET")
    Optional<String> appSecret;

    @Inject
    Queues queues;

    @Inject
    BurstShield burst;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = request.getParameter("hub.verify_token");
        boolean subscribe = "subscribe".equals(request.getParameter("hub.mode"));
        if (!subscribe || token == null || verifyToken.filter(token::equals).isEmpty()) {
            ProblemErrorPage.write(response, HttpServletResponse.SC_FORBIDDEN, "The verify token does not match.");
            return;
        }
        response.setContentType("text/plain");
        response.getWriter().write(String.valueOf(request.getParameter("hub.challenge")));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = request.getContentLengthLong() > MAX_BODY ? null : request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body == null || body.length > MAX_BODY) {
            ProblemErrorPage.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Bodies up to 3 MB.");
            return;
        }
        if (appSecret.isEmpty()) {
            LOG.warning("A webhook arrived but CONVERSA_WHATSAPP_APP_SECRET is not set: refused");
        }
        String signature = request.getHeader("X-Hub-Signature-256");
        if (appSecret.map(s -> new WebhookSignature(s).matches(body, signature)).orElse(false)) {
            queues.webhook(new String(body, StandardCharsets.UTF_8));
            burst.accepted();
            response.setStatus(HttpServletResponse.SC_OK);
            return;
        }
        ProblemErrorPage.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Missing or wrong X-Hub-Signature-256.");
    }
}
