package it.io.conversa;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Meta's Graph API, faked by WireMock on the port the test server was told to call
 * (CONVERSA_WHATSAPP_GRAPH_URL), for the test class that registers it; stubs are the test's own.
 */
final class FakeGraphApi extends WireMockServer implements BeforeAllCallback, AfterAllCallback {

    FakeGraphApi() {
        this(false);
    }

    /** With {@code templating}, answers can vary by request, e.g. a WhatsApp id of its own for every send. */
    FakeGraphApi(boolean templating) {
        super(options().port(Integer.getInteger("it.graph.port")).globalTemplating(templating));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }
}
