package it.io.conversa;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Meta's Graph API, faked by WireMock on the port the test server was told to call
 * (CONVERSA_WHATSAPP_GRAPH_URL). One fake serves every test class that registers it, so stubs and the
 * request journal are cleared before and after each class; stubs are the class's own.
 *
 * <p>It is started once and stopped when the test run ends, not once per class. With a fake per class,
 * stopped and started again on the same port, a media download once failed with
 * {@code NoHttpResponseException} in place of the failure the test had stubbed: most likely a closed
 * keep-alive connection of the earlier fake, still in the server's REST client pool. Answers are
 * templated (e.g. a WhatsApp id of its own for every send); a body without {@code {{ }}} is sent as it is.
 */
final class FakeGraphApi extends WireMockServer implements BeforeAllCallback, AfterAllCallback {

    private static final FakeGraphApi SHARED = new FakeGraphApi();

    /**
     * Longer than any test run: once, on a slow host, a download drew a keep-alive connection that Jetty had closed
     * as idle (NoHttpResponseException) in place of the answer its test had stubbed.
     */
    private static final long IDLE_TIMEOUT_MILLIS = Duration.ofHours(1).toMillis();

    private FakeGraphApi() {
        super(options().port(Integer.getInteger("it.graph.port")).globalTemplating(true).jettyIdleTimeout(IDLE_TIMEOUT_MILLIS));
    }

    /** The fake of this test run. */
    static FakeGraphApi shared() {
        return SHARED;
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        if (!isRunning()) {
            start();
            ExtensionContext.Store.CloseableResource stopAtTheEnd = this::stop;
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(FakeGraphApi.class, stopAtTheEnd);
        }
        resetAll();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        resetAll();
    }
}
