import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Constant-rate load on POST /webhook/whatsapp: distinct signed text messages at a fixed rate (open
 * loop: each latency counts from when its request was due, so a slow server cannot hide behind a
 * slower client), then waits until every body answered 200 is stored, counted through the API.
 *
 * Run: java bench/WebhookLoad.java RATE SECONDS [BASE_URL] (app secret and admin password from
 * CONVERSA_WHATSAPP_APP_SECRET and CONVERSA_ADMIN_PASSWORD).
 */
public class WebhookLoad {

    public static void main(String[] args) throws Exception {
        int rate = Integer.parseInt(args[0]);
        int seconds = Integer.parseInt(args[1]);
        String base = args.length > 2 ? args[2] : "http://localhost:9080";
        String secret = System.getenv().getOrDefault("CONVERSA_WHATSAPP_APP_SECRET", "fixture-app-secret-2b7d");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        String contact = "4917" + (10_000_000 + (int) (Math.random() * 89_999_999));

        warmUp(http, base, secret);
        int total = rate * seconds;
        long[] latencies = new long[total];
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> inFlight = new ArrayList<>(total);
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            int n = i;
            inFlight.add(http.sendAsync(request(base, secret, body(contact, n)), HttpResponse.BodyHandlers.discarding())
                    .thenAccept(answer -> {
                        latencies[n] = System.nanoTime() - due;
                        (answer.statusCode() == 200 ? accepted : refused).incrementAndGet();
                    }).exceptionally(e -> {
                        latencies[n] = System.nanoTime() - due;
                        refused.incrementAndGet();
                        failures.merge(e.getCause() == null ? e.toString() : e.getCause().toString(), 1, Integer::sum);
                        return null;
                    }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
        double elapsed = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latencies);
        System.out.printf("%d requests in %.1f s (%.0f/s offered %d/s): %d answered 200, %d not%n", total, elapsed,
                total / elapsed, rate, accepted.get(), refused.get());
        System.out.printf("latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n", ms(latencies, 0.50),
                ms(latencies, 0.90), ms(latencies, 0.99), latencies[total - 1] / 1e6);
        failures.forEach((failure, count) -> System.out.printf("  %d x %s%n", count, failure));
        System.out.printf("stored: %s%n", awaitStored(http, base, contact, accepted.get()));
    }

    /** Lets the JIT and the connection pool settle: the first seconds of a fresh server say little. */
    private static void warmUp(HttpClient http, String base, String secret) throws Exception {
        String contact = "4916" + (10_000_000 + (int) (Math.random() * 89_999_999));
        for (int i = 0; i < 600; i++) {
            http.send(request(base, secret, body(contact, i)), HttpResponse.BodyHandlers.discarding());
        }
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    /** The profile name makes the contact's conversation easy to find again. */
    private static String body(String contact, int n) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":"
                + "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\",\"phone_number_id\":"
                + "\"106540352242922\"},\"contacts\":[{\"profile\":{\"name\":\"Load " + contact + "\"},\"wa_id\":\"" + contact + "\"}],"
                + "\"messages\":[{\"from\":\"" + contact + "\",\"id\":\"wamid.load-" + UUID.randomUUID() + "\",\"timestamp\":\""
                + (1_700_000_000L + n) + "\",\"type\":\"text\",\"text\":{\"body\":\"load message number " + n + "\"}}]},"
                + "\"field\":\"messages\"}]}]}";
    }

    private static HttpRequest request(String base, String secret, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Mac hmac = Mac.getInstance("HmacSHA256");
        hmac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HttpRequest.newBuilder(URI.create(base + "/webhook/whatsapp")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(hmac.doFinal(bytes)))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
    }

    /** Polls the contact's conversation until it holds every accepted message (or 5 minutes pass). */
    private static String awaitStored(HttpClient http, String base, String contact, int expected) throws Exception {
        String password = System.getenv().getOrDefault("CONVERSA_ADMIN_PASSWORD", "");
        String login = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"admin\",\"password\":\"" + password + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String token = login.replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
        long started = System.nanoTime();
        int count = -1;
        while (System.nanoTime() - started < Duration.ofMinutes(5).toNanos()) {
            String list = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/conversations?limit=500"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
            int at = list.indexOf("\"title\":\"Load " + contact + "\"");
            String conversation = at < 0 ? "" : list.substring(list.lastIndexOf('{', at), list.indexOf('}', at));
            count = at < 0 ? 0 : Integer.parseInt(conversation.replaceAll(".*\"messageCount\":([0-9]+).*", "$1"));
            if (count >= expected) {
                return String.format("%d of %d accepted bodies, %.1f s after the last answer", count, expected,
                        (System.nanoTime() - started) / 1e9);
            }
            Thread.sleep(500);
        }
        return "only " + count + " of " + expected + " accepted bodies after 5 minutes";
    }
}
