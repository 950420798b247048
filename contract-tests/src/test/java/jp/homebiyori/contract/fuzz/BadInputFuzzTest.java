package jp.homebiyori.contract.fuzz;

import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jp.homebiyori.testkit.contract.Spec;
import jp.homebiyori.contract.support.Backend;
import jp.homebiyori.contract.support.Client;
import jp.homebiyori.contract.support.ContractChecks;
import jp.homebiyori.contract.support.Contracts;
import jp.homebiyori.contract.support.Http;
import jp.homebiyori.contract.support.SpecOperation;
import net.jqwik.api.sessions.JqwikSession;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad-input fuzzing over every operation of the three specs: at least 10,000 generated requests a run
 * (wrong types, missing and extra fields, over-long and empty strings, odd Unicode, huge bodies, broken
 * JSON, wrong content types, bad query values and path ids, signed but odd Stripe events), each with
 * valid credentials for its operation's scheme. No answer may be a 5xx; every 4xx carries the Error body
 * as JSON; every 2xx conforms to the spec.
 *
 * <p>Deterministic: request {@code i} is generated from {@code (seed, i)} alone. The seed is printed;
 * {@code -Dcontract.fuzz.seed=N} repeats a run, {@code -Dcontract.fuzz.seed=random} draws a new one,
 * {@code -Dcontract.fuzz.only=I} sends request {@code I} only, {@code -Dcontract.fuzz.requests=N} sets
 * the count. The admin API is fuzzed after the others, because a fuzzed {@code setMaintenance} may switch
 * maintenance on (admin operations are never in maintenance).
 */
@HelidonTest
class BadInputFuzzTest {

    static final long DEFAULT_SEED = 0x20261127L;
    private static final int THREADS = 6;

    @AddConfigSource
    static ConfigSource config() {
        // fuzzing wants depth, not the per-user limiter; and a dynalite slowed down by a busy machine must not
        // turn into 503s (the DynamoDB timeout is about AWS, not about bad input)
        return Backend.config(Map.of("homebiyori.rate-limit.enabled", "false", "homebiyori.dynamodb.timeout-millis", "20000"));
    }

    @Inject
    private ServerCdiExtension server;

    /** One request that broke the rules, with what it takes to send it again. */
    record Failure(long seed, int index, String request, String problem) {
        @Override
        public String toString() {
            return "seed=" + seed + " index=" + index + ": " + problem + "\n    request: " + request;
        }
    }

    static long seed() {
        String given = System.getProperty("contract.fuzz.seed", "").trim();
        if (given.isEmpty()) {
            return DEFAULT_SEED;
        }
        return given.equals("random") ? new Random().nextLong() : Long.decode(given);
    }

    @Test
    void tenThousandBadRequests_overEveryOperation_neverAnswer5xx_andEvery4xxCarriesTheErrorBody() throws Exception {
        long seed = seed();
        int total = Integer.getInteger("contract.fuzz.requests", 10_500);
        Integer only = Integer.getInteger("contract.fuzz.only");
        System.out.printf("bad-input fuzzing: seed=%d requests=%d (repeat with -Dcontract.fuzz.seed=%d)%n", seed, total, seed);

        Client client = new Client(server);
        List<SpecOperation> operations = Contracts.load().operations();
        Map<String, List<FuzzRequests.Fixture>> fixtures = fixtures(client, operations);
        List<String> webhookUsers = fixtures.get("handleStripeWebhook").stream().map(FuzzRequests.Fixture::user).toList();
        FuzzRequests generator = new FuzzRequests(webhookUsers);
        FuzzRequests.Fixture other = stranger(fixtures);

        // request i is for operation i mod n; the admin API's requests go last (see the class comment)
        List<Integer> first = new ArrayList<>();
        List<Integer> last = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            if (only == null || only == i) {
                (operations.get(i % operations.size()).api() == Spec.ADMIN ? last : first).add(i);
            }
        }
        Tally results = new Tally(seed);
        long started = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(THREADS);
        // jqwik's arbitraries need a jqwik session, bound to this thread: requests are generated here, in
        // index order, and sent by the pool (a bounded hand-over keeps at most a few huge bodies in memory)
        Semaphore inFlight = new Semaphore(THREADS * 4);
        JqwikSession.start();
        try {
            for (List<Integer> phase : List.of(first, last)) {
                List<Future<?>> futures = new ArrayList<>();
                for (int index : phase) {
                    SpecOperation op = operations.get(index % operations.size());
                    Random random = new Random(seed * 0x9E3779B97F4A7C15L + index);
                    List<FuzzRequests.Fixture> mine = fixtures.get(op.id());
                    FuzzRequests.Fixture fixture = mine.get(random.nextInt(mine.size()));
                    Http.Request request = generator.generate(op, fixture, other, random);
                    inFlight.acquire();
                    futures.add(senders.submit(() -> {
                        try {
                            results.record(index, send(client, op, request));
                        } finally {
                            inFlight.release();
                        }
                    }));
                }
                for (Future<?> f : futures) {
                    f.get(5, TimeUnit.MINUTES);
                }
            }
        } finally {
            JqwikSession.finish();
            senders.shutdownNow();
            switchMaintenanceOff(client);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("bad-input fuzzing: %d requests in %.1f s (%.0f/s), statuses %s, 2 MB bodies %d, refused as malformed HTTP before the API %d,%n  per operation %s%n",
                results.sent.get(), seconds, results.sent.get() / seconds, new TreeMap<>(results.byStatus), results.hugeBodies.get(),
                results.protocolRejections.get(),
                new TreeMap<>(results.byOperation));

        if (only == null) {
            assertThat(results.sent.get()).as("requests sent").isGreaterThanOrEqualTo(Math.min(total, 10_000));
            assertThat(results.byOperation.keySet()).as("every operation was fuzzed")
                    .containsExactlyInAnyOrderElementsOf(operations.stream().map(SpecOperation::id).toList());
        }
        if (results.failureCount.get() > 0) {
            throw new AssertionError("fuzzing with seed " + seed + " found " + results.failureCount.get() + " bad answers, by operation and kind"
                    + " (repeat one with -Dcontract.fuzz.seed=" + seed + " -Dcontract.fuzz.only=<index>):" + results.report());
        }
    }

    private static Outcome send(Client client, SpecOperation op, Http.Request request) {
        try {
            long start = System.nanoTime();
            Http.Reply reply = client.send(request);
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (millis > 3000) {
                System.out.println("slow fuzz request (" + millis + " ms, " + reply.status() + "): " + request.describe());
            }
            return new Outcome(op, request, reply, null);
        } catch (RuntimeException e) {
            return new Outcome(op, request, null, e);
        }
    }

    /** Another user's real ids of every kind (path ids that exist, but not for the caller). */
    private static FuzzRequests.Fixture stranger(Map<String, List<FuzzRequests.Fixture>> fixtures) {
        Map<String, String> ids = new LinkedHashMap<>();
        fixtures.values().stream().flatMap(List::stream).filter(f -> !f.ids().isEmpty()).findFirst()
                .ifPresent(f -> ids.putAll(f.ids()));
        return new FuzzRequests.Fixture("stranger", ids);
    }

    /** What one request got. */
    record Outcome(SpecOperation op, Http.Request request, Http.Reply reply, RuntimeException error) {

        /**
         * Whether the request is not valid HTTP at all (a request target with raw non-ASCII bytes, bad
         * percent-escapes or characters a URI cannot hold; a body that does not match its Content-Encoding;
         * a request line beyond the server's limit) and the web server refused it before the API saw it
         * (no {@code x-request-id}) with a 4xx or by closing the connection — but not by leaving it hanging.
         */
        boolean protocolRejection() {
            boolean malformed = Http.isMalformedTarget(request.target()) || request.headers().containsKey("Content-Encoding")
                    || request.target().length() > 4096;
            if (!malformed) {
                return false;
            }
            if (reply == null) {
                return !timedOut();
            }
            return reply.header("x-request-id") == null && reply.status() >= 400 && reply.status() < 500;
        }

        private boolean timedOut() {
            for (Throwable t = error; t != null; t = t.getCause()) {
                if (t instanceof java.net.SocketTimeoutException || t instanceof java.net.http.HttpTimeoutException) {
                    return true;
                }
            }
            return false;
        }

        /** What is wrong with the answer, as "category: detail"; null when it is right. */
        String problem() {
            if (error != null) {
                return protocolRejection() ? null : (timedOut() ? "no answer in time: " : "no answer: ") + error.getMessage();
            }
            if (reply.status() >= 500 || reply.status() < 200 || (reply.status() >= 300 && reply.status() < 400)) {
                return "status " + reply.status() + ": " + reply.abbreviated();
            }
            if (reply.status() >= 400) {
                if (protocolRejection()) {
                    return null;
                }
                String problem = ContractChecks.errorBodyProblem(reply);
                String layer = reply.header("x-request-id") == null ? "web server" : "JAX-RS";
                return problem == null ? null : reply.status() + " without the Error body from the " + layer
                        + " (" + problem + "): " + reply.abbreviated();
            }
            List<String> violations = ContractChecks.violations(op, reply);
            return violations.isEmpty() ? null : reply.status() + " that breaks the contract: " + violations + " " + reply.abbreviated();
        }
    }

    /** The tally of a run: counts, and the bad answers grouped by kind (a few examples each, with their index). */
    private static final class Tally {
        private final long seed;
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger failureCount = new AtomicInteger();
        final AtomicInteger protocolRejections = new AtomicInteger();
        final AtomicInteger hugeBodies = new AtomicInteger();
        final Map<String, ConcurrentLinkedQueue<Failure>> failures = new ConcurrentHashMap<>();
        final Map<String, java.util.Set<String>> operationsByKind = new ConcurrentHashMap<>();
        final LongAdder slow = new LongAdder();
        final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
        final Map<String, LongAdder> byOperation = new ConcurrentHashMap<>();

        Tally(long seed) {
            this.seed = seed;
        }

        void record(int index, Outcome outcome) {
            sent.incrementAndGet();
            byOperation.computeIfAbsent(outcome.op().id(), k -> new LongAdder()).increment();
            byStatus.computeIfAbsent(outcome.reply() == null ? -1 : outcome.reply().status(), k -> new LongAdder()).increment();
            if (outcome.protocolRejection()) {
                protocolRejections.incrementAndGet();
            }
            if (outcome.request().body() != null && outcome.request().body().length >= FuzzRequests.HUGE) {
                hugeBodies.incrementAndGet();
            }
            String problem = outcome.problem();
            if (problem == null) {
                return;
            }
            failureCount.incrementAndGet();
            String kind = problem.replaceAll(":.*", "").replaceAll("\\(.*", "").trim();
            operationsByKind.computeIfAbsent(kind, k -> new java.util.concurrent.ConcurrentSkipListSet<>()).add(outcome.op().id());
            ConcurrentLinkedQueue<Failure> examples = failures.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>());
            if (examples.size() < 4) {
                examples.add(new Failure(seed, index, outcome.request().describe(), problem));
            }
        }

        String report() {
            StringBuilder out = new StringBuilder();
            new TreeMap<>(failures).forEach((kind, examples) -> {
                out.append("\n* ").append(kind).append(" — in ").append(operationsByKind.get(kind));
                examples.forEach(f -> out.append("\n    ").append(f));
            });
            return out.toString();
        }
    }

    /**
     * Who each operation is called as: for a user-API operation a premium user with a fruit and a
     * notification, and a free user with none; admin and internal operations act for nobody in particular.
     */
    private static Map<String, List<FuzzRequests.Fixture>> fixtures(Client client, List<SpecOperation> operations) {
        Map<String, List<FuzzRequests.Fixture>> fixtures = new LinkedHashMap<>();
        for (SpecOperation op : operations) {
            String base = "fuzz-" + op.id().toLowerCase();
            if (op.api() != Spec.USER) {
                fixtures.put(op.id(), List.of(new FuzzRequests.Fixture(base, Map.of())));
                continue;
            }
            client.onboard(base + "-premium");
            client.onboard(base + "-free");
            Map<String, String> ids = new LinkedHashMap<>();
            ids.put("fruit_id", client.growFruit(base + "-premium"));
            ids.put("notification_id", client.notification(base + "-premium"));
            client.subscribe(base + "-premium", "cus_" + base);
            fixtures.put(op.id(), List.of(new FuzzRequests.Fixture(base + "-premium", ids),
                    new FuzzRequests.Fixture(base + "-free", Map.of())));
        }
        return fixtures;
    }

    private static void switchMaintenanceOff(Client client) {
        client.ok("setMaintenance", "fuzz-cleanup", Map.of(), Map.of(), "{\"enabled\":false}");
    }
}
