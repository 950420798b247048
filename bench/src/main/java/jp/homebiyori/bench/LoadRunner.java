package jp.homebiyori.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load generator on java.net.http: {@code threads} client threads, each sending its next
 * request as soon as the previous answer arrived, until {@code maxRequests} were sent or
 * {@code maxDuration} passed, whichever comes first. Latency is measured per request on the client.
 */
final class LoadRunner {

    /** One endpoint under load; {@code request} builds the i-th request of client thread t. */
    interface RequestFactory {
        HttpRequest build(int thread, int i);
    }

    /** What a run measured: successful requests, errors, wall time, latencies (nanoseconds, sorted). */
    record Result(String name, int ok, int errors, long wallNanos, long[] sortedNanos) {

        double requestsPerSecond() {
            return ok / (wallNanos / 1e9);
        }

        double percentileMillis(double p) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, index))] / 1e6;
        }

        double meanMillis() {
            return Arrays.stream(sortedNanos).average().orElse(Double.NaN) / 1e6;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final int threads;

    LoadRunner(int threads) {
        this.threads = threads;
    }

    static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    Result run(String name, RequestFactory requests, int maxRequests, Duration maxDuration) throws InterruptedException {
        AtomicInteger issued = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicLong firstError = new AtomicLong(-1);
        long[][] latencies = new long[threads][maxRequests];
        int[] counts = new int[threads];
        long start = System.nanoTime();
        long deadline = start + maxDuration.toNanos();
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int thread = t;
            workers[t] = Thread.ofPlatform().name("load-" + name + "-" + t).start(() -> {
                for (int i = 0; issued.incrementAndGet() <= maxRequests && System.nanoTime() < deadline; i++) {
                    long before = System.nanoTime();
                    int status = send(requests.build(thread, i));
                    long took = System.nanoTime() - before;
                    if (status >= 200 && status < 300) {
                        latencies[thread][counts[thread]++] = took;
                    } else {
                        errors.incrementAndGet();
                        firstError.compareAndSet(-1, status);
                    }
                }
            });
        }
        for (Thread worker : workers) {
            worker.join();
        }
        long wall = System.nanoTime() - start;
        if (errors.get() > 0) {
            System.out.println("  " + name + ": " + errors.get() + " failed requests (first status " + firstError.get() + ")");
        }
        int ok = Arrays.stream(counts).sum();
        long[] all = new long[ok];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        return new Result(name, ok, errors.get(), wall, all);
    }

    private int send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -2;
        }
    }

    static String row(Result r, Result baseline) {
        return String.format("| %-28s | %7d | %6d | %9.0f | %7.2f | %7.2f | %7.2f | %s |", r.name(), r.ok(), r.errors(),
                r.requestsPerSecond(), r.percentileMillis(50), r.percentileMillis(99), r.meanMillis(),
                r == baseline ? "baseline" : String.format("%.2f× req/s, %.1f× p50, %.1f× p99",
                        r.requestsPerSecond() / baseline.requestsPerSecond(),
                        r.percentileMillis(50) / baseline.percentileMillis(50),
                        r.percentileMillis(99) / baseline.percentileMillis(99)));
    }

    static List<String> header() {
        return List.of("| endpoint                     |      ok | errors |     req/s | p50 ms  | p99 ms  | mean ms | vs the first row   |",
                "|------------------------------|---------|--------|-----------|---------|---------|---------|--------------------|");
    }
}
