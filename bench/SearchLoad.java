import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load on POST /api/v1/search: CLIENTS threads, each sending its next query when the
 * answer arrives, over a mixed query set, for SECONDS after a warm-up. With "bypass", every request
 * gets a distinct far-future "to" bound, so no answer comes from the Redis cache (the index does the
 * work every time); with "cached", the fixed queries are answered from Redis after their first time.
 * With a sixth argument "counts", every request also asks for the exact total and the counts per
 * conversation and participant (which visit every match).
 * With -Dthink=MS, each client waits MS milliseconds (exponentially distributed around it, as
 * people do) after each answer before its next search: CLIENTS users rather than CLIENTS
 * back-to-back request loops. The default, 0, is the back-to-back worst case.
 * Usage: java [-Dthink=MS] bench/SearchLoad.java BASE_URL TOKEN CLIENTS SECONDS bypass|cached [counts]
 */
public class SearchLoad {

    static final String[][] QUERIES = {
        {"one common word", "{\"query\":\"tomorrow\"}"},
        {"two words", "{\"query\":\"station food\"}"},
        {"phrase", "{\"query\":\"\\\"see you tomorrow\\\"\"}"},
        {"or", "{\"query\":\"gracias OR merci\"}"},
        {"exclusion", "{\"query\":\"hello -lol\"}"},
        {"accent folded", "{\"query\":\"schon\"}"},
        {"near spelling", "{\"query\":\"Spaeter\"}"},
        {"newest first", "{\"query\":\"bien\",\"order\":\"time\"}"},
        {"date range", "{\"query\":\"drinks\",\"from\":\"2021-01-01T00:00:00Z\"}"},
        {"rare word", "{\"query\":\"everyone maybe genau\"}"},
    };

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        int clients = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        boolean bypass = args[4].equals("bypass");
        boolean counts = args.length > 5 && args[5].equals("counts");
        long think = Long.getLong("think", 0);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
        List<Long> all = new CopyOnWriteArrayList<>();
        AtomicLong errors = new AtomicLong();
        AtomicLong serial = new AtomicLong();
        long warmUntil = System.nanoTime() + 5_000_000_000L;
        long end = warmUntil + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int offset = c;
            Thread t = new Thread(() -> {
                int i = offset;
                List<Long> mine = new ArrayList<>();
                Map<String, List<Long>> mineByClass = new TreeMap<>();
                while (System.nanoTime() < end) {
                    String[] q = QUERIES[i++ % QUERIES.length];
                    String asked = counts ? q[1].replaceFirst("\\{", "{\"counts\":true,") : q[1];
                    String body = bypass ? asked.replaceFirst("\\{", "{\"to\":\"2100-01-01T00:00:00." + String.format("%09d", serial.incrementAndGet() % 1_000_000_000) + "Z\",") : asked;
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/search"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long started = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                        long took = System.nanoTime() - started;
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                        } else if (started > warmUntil) {
                            mine.add(took);
                            mineByClass.computeIfAbsent(q[0], k -> new ArrayList<>()).add(took);
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    pause(think);
                }
                all.addAll(mine);
                mineByClass.forEach((k, v) -> latencies.computeIfAbsent(k, x -> new CopyOnWriteArrayList<>()).addAll(v));
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.printf("%d clients%s, %d s, cache %s%s: %d requests, %.0f/s, %d errors%n", clients,
                think > 0 ? " (think " + think + " ms)" : "", seconds, bypass ? "bypassed" : "used",
                counts ? ", with counts" : "", all.size(), all.size() / (double) seconds, errors.get());
        System.out.println(line("all", new ArrayList<>(all)));
        new TreeMap<>(latencies).forEach((k, v) -> System.out.println(line(k, new ArrayList<>(v))));
    }

    /** A pause of {@code mean} ms on average, exponentially distributed; none when the mean is 0. */
    static void pause(long mean) {
        if (mean > 0) {
            try {
                Thread.sleep((long) (-mean * Math.log(1 - ThreadLocalRandom.current().nextDouble())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static String line(String name, List<Long> nanos) {
        Collections.sort(nanos);
        return String.format("  %-16s n=%6d  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms", name, nanos.size(),
                pct(nanos, 50), pct(nanos, 95), pct(nanos, 99));
    }

    static double pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, i)) / 1e6;
    }
}
