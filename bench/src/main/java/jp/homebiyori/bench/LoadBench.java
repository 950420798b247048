package jp.homebiyori.bench;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import jp.homebiyori.testkit.RawHttp;
import jp.homebiyori.testkit.TestStack;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Throughput and latency of {@code POST /api/chat/messages} (offline generator, no fruit) and
 * {@code GET /api/tree/status} against the whole backend in this process on loopback, each beside a bare
 * Helidon endpoint (a Helidon SE route answering a constant JSON body: no JAX-RS, no filters, no CDI) and
 * {@code GET /api/health} measured in the same run. Bounded: per endpoint a warm-up, then at most
 * {@code requests} requests or {@code seconds} seconds. Reports; never fails on a slow machine.
 *
 * <pre>bench/run-load.sh [seconds=20] [requests=20000] [threads=8] [warmup=5] [users=64]</pre>
 */
public final class LoadBench {

    static final String PLAIN = "今日はごはんを作って、洗濯もして、子どもを寝かしつけました。";
    static final String MOVING = "今日は子どもと公園に行けて本当に嬉しかった！ずっと疲れていたけど、自分もちゃんと頑張ったなと思えて、すごく幸せな気持ちになりました。";

    private LoadBench() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        System.out.println(Machine.describe());
        System.out.println("before: " + Machine.load());
        System.out.println("options: " + options);
        int code = 0;
        WebServer bare = WebServer.builder().host("127.0.0.1").port(0)
                .routing(routing -> routing.get("/bare", (request, response) -> {
                    response.header(HeaderNames.CONTENT_TYPE, "application/json");
                    response.send("{\"status\":\"ok\"}");
                }))
                .build().start();
        try (BenchBackend backend = BenchBackend.start(Map.of())) {
            run(backend, bare.port(), options);
        } catch (RuntimeException e) {
            e.printStackTrace();
            code = 1;
        }
        bare.stop();
        System.out.println("after: " + Machine.load());
        System.exit(code);
    }

    private static void run(BenchBackend backend, int barePort, Options o) throws InterruptedException {
        int port = backend.port();
        List<String> tokens = prepareUsers(port, o.users());
        DynamoCallTally tally = backend.bean(DynamoCallTally.class);
        LoadRunner runner = new LoadRunner(o.threads());
        // each client thread has its own users, so no two requests of one user run at once
        LoadRunner.RequestFactory bare = (t, i) -> HttpRequest.newBuilder(LoadRunner.uri(barePort, "/bare")).GET().build();
        LoadRunner.RequestFactory health = (t, i) -> HttpRequest.newBuilder(LoadRunner.uri(port, "/api/health")).GET().build();
        LoadRunner.RequestFactory chat = (t, i) -> HttpRequest.newBuilder(LoadRunner.uri(port, "/api/chat/messages"))
                .header("Authorization", "Bearer " + tokens.get(user(t, i, o)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"message\":\"" + PLAIN + "\"}")).build();
        LoadRunner.RequestFactory tree = (t, i) -> HttpRequest.newBuilder(LoadRunner.uri(port, "/api/tree/status"))
                .header("Authorization", "Bearer " + tokens.get(user(t, i, o))).GET().build();
        List<LoadRunner.Result> results = new ArrayList<>();
        List<String> calls = new ArrayList<>();
        for (var scenario : List.of(Map.entry("GET /bare (Helidon SE route)", bare), Map.entry("GET /api/health", health),
                Map.entry("POST /api/chat/messages", chat),
                Map.entry("GET /api/tree/status", tree))) {
            runner.run(scenario.getKey() + " (warm-up)", scenario.getValue(), o.requests(), Duration.ofSeconds(o.warmupSeconds()));
            tally.reset();
            LoadRunner.Result result = runner.run(scenario.getKey(), scenario.getValue(), o.requests(), Duration.ofSeconds(o.seconds()));
            results.add(result);
            calls.add(String.format("  %-24s DynamoDB calls per request %.2f %s", scenario.getKey(),
                    result.ok() == 0 ? 0.0 : (double) tally.total() / (result.ok() + result.errors()), tally.snapshot()));
        }
        System.out.println();
        LoadRunner.header().forEach(System.out::println);
        results.forEach(r -> System.out.println(LoadRunner.row(r, results.get(0))));
        System.out.println();
        calls.forEach(System.out::println);
    }

    private static int user(int thread, int i, Options o) {
        int perThread = Math.max(1, o.users() / o.threads());
        return (thread + o.threads() * (i % perThread)) % o.users();
    }

    /** Users as the app leaves them: onboarded, a fruit of today, a few chats. */
    private static List<String> prepareUsers(int port, int count) {
        List<String> tokens = new ArrayList<>();
        for (int u = 0; u < count; u++) {
            String token = TestStack.userToken("load-" + u + "-" + UUID.randomUUID());
            Map<String, String> auth = RawHttp.bearer(token);
            expectOk(RawHttp.get(port, "/api/users/onboarding-status", auth));
            expectOk(RawHttp.send(port, "POST", "/api/users/complete-onboarding", "application/json", "{\"nickname\":\"ゆう" + u + "\"}", auth));
            for (String message : List.of(MOVING, PLAIN, PLAIN)) {
                expectOk(RawHttp.send(port, "POST", "/api/chat/messages", "application/json", "{\"message\":\"" + message + "\"}", auth));
            }
            tokens.add(token);
        }
        return tokens;
    }

    private static void expectOk(RawHttp.Reply reply) {
        if (reply.status() != 200) {
            throw new IllegalStateException("preparing users failed: " + reply.status() + " " + reply.body());
        }
    }

    /** Command line: key=value pairs. */
    record Options(int seconds, int requests, int threads, int warmupSeconds, int users) {
        static Options parse(String[] args) {
            Map<String, String> given = new java.util.HashMap<>();
            for (String arg : args) {
                String[] kv = arg.replaceFirst("^--", "").split("=", 2);
                given.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
            return new Options(intOf(given, "seconds", 20), intOf(given, "requests", 20_000), intOf(given, "threads", 8),
                    intOf(given, "warmup", 5), intOf(given, "users", 64));
        }

        private static int intOf(Map<String, String> given, String key, int fallback) {
            return given.containsKey(key) ? Integer.parseInt(given.get(key)) : fallback;
        }
    }
}
