package it.io.conversa;

import io.conversa.infrastructure.security.MasterKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A second Conversa with CONVERSA_INTERNAL_HTTP_PORT set, started as a user starts one (bin/conversa
 * start, on a data folder of its own and the ports the build reserved) and on the backing services of
 * the IT server, so that it starts no PostgreSQL, Redis or S3 of its own. It shares the IT server's
 * master key, since both seal into the same database. Stopped by {@link #stop()}, by a shutdown hook
 * should the test not get there, and by the build's post-integration-test phase.
 */
final class ZonedConversa {

    private static final Path LAUNCHER = Path.of(System.getProperty("it.launcher", "../bin/conversa"));
    private static final Path DATA = Path.of(System.getProperty("it.zones.data.dir", "target/it-zones-data"));

    final String publicBase = "http://localhost:" + System.getProperty("it.zones.http.port");
    final String internalBase = "http://localhost:" + System.getProperty("it.zones.internal.port");
    private final Map<String, String> env = new HashMap<>();
    private final Thread stopAtExit = new Thread(this::launcherStop);

    private ZonedConversa() throws IOException {
        Path itData = Path.of(System.getProperty("it.data.dir"));
        for (String line : Files.readAllLines(itData.resolve("dev-services.env"))) {
            if (line.startsWith("CONVERSA_") && line.contains("=")) {
                env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        // The IT server's key (created as it would create it, if it has not yet): both seal secrets in one database.
        env.put("CONVERSA_MASTER_KEY", MasterKey.generatedIn(itData).trim());
        env.put("CONVERSA_DATA_DIR", DATA.toString());
        env.put("CONVERSA_HTTP_PORT", System.getProperty("it.zones.http.port"));
        env.put("CONVERSA_HTTPS_PORT", System.getProperty("it.zones.https.port"));
        env.put("CONVERSA_INTERNAL_HTTP_PORT", System.getProperty("it.zones.internal.port"));
        env.put("CONVERSA_IIOP_PORT", System.getProperty("it.zones.iiop.port"));
        env.put("CONVERSA_IIOPS_PORT", System.getProperty("it.zones.iiops.port"));
        env.put("CONVERSA_ADMIN_PASSWORD", Api.ADMIN_PASSWORD);
        env.put("CONVERSA_WHATSAPP_APP_SECRET", Api.APP_SECRET);
        env.put("CONVERSA_WHATSAPP_VERIFY_TOKEN", "it-verify-token");
        env.put("CONVERSA_SKIP_BUILD", "true");
        // A bucket that does not exist yet, as on a fresh MinIO: Conversa creates it before it reports ready.
        env.put("CONVERSA_S3_BUCKET", "conversa-zones-" + UUID.randomUUID());
        // As behind a reverse proxy on the same host: the tests' own requests come through the trusted proxy.
        env.put("CONVERSA_TRUSTED_PROXIES", "127\\.0\\.0\\.1|0:0:0:0:0:0:0:1");
    }

    /** Starts it and returns once bin/conversa says it is ready. */
    static ZonedConversa start() throws IOException, InterruptedException {
        ZonedConversa server = new ZonedConversa();
        Runtime.getRuntime().addShutdownHook(server.stopAtExit);
        int exit = server.launcher("start", 300);
        if (exit != 0) {
            server.stop();
            throw new IllegalStateException("bin/conversa start exited with " + exit + "; see " + DATA.resolve("launcher.log")
                    + " and " + DATA.resolve("liberty/conversa/logs/messages.log"));
        }
        return server;
    }

    void stop() {
        launcherStop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException alreadyExiting) {
            // the hook runs anyway
        }
    }

    private void launcherStop() {
        try {
            launcher("stop", 120);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int launcher(String command, int seconds) throws IOException, InterruptedException {
        Files.createDirectories(DATA);
        ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString(), command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(DATA.resolve("launcher.log").toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }
}
