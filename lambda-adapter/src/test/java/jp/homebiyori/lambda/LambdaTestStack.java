package jp.homebiyori.lambda;

import jp.homebiyori.testkit.lambda.ApiEvent;

import jp.homebiyori.testkit.RawHttp;
import jp.homebiyori.testkit.TestStack;

import java.util.Map;

/**
 * The backend of the test JVM, started once like a Lambda's cold start: a fresh environment on the
 * shared dynalite with the development token issuer, set as system properties (there is no
 * {@code @HelidonTest} here), then the beans, then the first event. Prints the cold-start
 * figures.
 */
final class LambdaTestStack {

    private static boolean started;

    private LambdaTestStack() {
    }

    static synchronized void start() {
        if (started) {
            return;
        }
        Map<String, String> config = TestStack.lambdaConfig();
        // as in AWS: only the pools the API uses
        config.keySet().removeIf(k -> k.startsWith("homebiyori.auth.admin-pool."));
        config.forEach(System::setProperty);

        long t0 = System.nanoTime();
        Backend.beans();
        long t1 = System.nanoTime();
        HttpHandler handler = new HttpHandler();
        long t2 = System.nanoTime();
        RawHttp.Reply first = ApiEvent.restApi("GET", "/api/health").send((in, out) -> handler.handleRequest(in, out, new TestContext()));
        long t3 = System.nanoTime();
        if (first.status() != 200) {
            throw new IllegalStateException("first event answered " + first.status() + ": " + first.body());
        }
        System.out.printf("COLD START: beans %d ms + Jersey application %d ms + first request %d ms = %d ms%n",
                ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t3 - t0));
        started = true;
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
