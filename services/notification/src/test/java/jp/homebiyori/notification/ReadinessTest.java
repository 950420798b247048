package jp.homebiyori.notification;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jp.homebiyori.common.config.AwsClients;
import jp.homebiyori.common.db.TableNames;
import jp.homebiyori.common.db.TableProvisioner;
import jp.homebiyori.localdev.DynaliteServer;
import jp.homebiyori.testkit.RawHttp;
import jp.homebiyori.testkit.TestStack;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pod's readiness follows DynamoDB: a service on its own dynalite is ready, is DOWN (503, the
 * {@code dynamodb} check down with a reason) once that dynalite is gone, and ready again when it is back and
 * the cached answer has expired. notification-service uses DynamoDB and no queue: no {@code sqs} check.
 */
@HelidonTest
class ReadinessTest {

    private static final int PORT = TestStack.freePort();
    private static DynaliteServer dynamo = DynaliteServer.start("127.0.0.1", PORT, null);
    private static final long CACHE_MILLIS = 1000;

    @AddConfigSource
    static ConfigSource config() {
        return TestStack.configSource(Map.of(
                "homebiyori.dynamodb.endpoint", "http://127.0.0.1:" + PORT,
                "homebiyori.dynamodb.create-tables", "true",
                "homebiyori.dynamodb.timeout-millis", "1000",
                "homebiyori.probes.timeout-millis", "1000",
                "homebiyori.probes.cache-millis", Long.toString(CACHE_MILLIS)));
    }

    @Inject
    private ServerCdiExtension server;
    @Inject
    private TableNames names;

    @AfterAll
    static void stop() {
        dynamo.close();
    }

    @Test
    void dynamoDown_makesThePodUnready_andItIsReadyAgainWhenDynamoReturns() {
        RawHttp.Reply up = ready();
        assertThat(up.status()).as(up.body()).isEqualTo(200);
        assertThat(up.json().path("status").asText()).isEqualTo("UP");
        assertThat(check(up, "dynamodb").path("status").asText()).isEqualTo("UP");
        assertThat(check(up, "dynamodb").path("data").path("table").asText()).isEqualTo(names.env() + "-homebiyori-system");
        assertThat(check(up, "parameter-store").path("data").path("source").asText()).isEqualTo("local");
        assertThat(check(up, "sqs").isMissingNode()).as("no queue in notification-service").isTrue();

        dynamo.close();
        long start = System.nanoTime();
        RawHttp.Reply down = awaitReady(r -> r.status() == 503, Duration.ofSeconds(10));
        assertThat(down.json().path("status").asText()).isEqualTo("DOWN");
        JsonNode dynamoCheck = check(down, "dynamodb");
        assertThat(dynamoCheck.path("status").asText()).isEqualTo("DOWN");
        String reason = dynamoCheck.path("data").path("reason").asText();
        assertThat(reason).as("one short line, no message or stack trace").matches("[A-Za-z0-9 ()._:-]{1,120}").doesNotContain("127.0.0.1");
        assertThat(check(down, "parameter-store").path("status").asText()).isEqualTo("UP");
        assertThat((System.nanoTime() - start) / 1_000_000).as("noticed within the cache time and a timeout or two")
                .isLessThan(CACHE_MILLIS + 5_000);

        // each probe answers quickly even while DynamoDB is away: the timeout, then the cached DOWN
        long probe = System.nanoTime();
        assertThat(ready().status()).isEqualTo(503);
        assertThat((System.nanoTime() - probe) / 1_000_000).isLessThan(2_500);

        dynamo = DynaliteServer.start("127.0.0.1", PORT, null);
        DynamoDbClient fresh = AwsClients.build(DynamoDbClient.builder(), "ap-northeast-1",
                Optional.of("http://127.0.0.1:" + PORT), Duration.ofSeconds(5));
        TableProvisioner.createMissing(fresh, names);
        RawHttp.Reply again = awaitReady(r -> r.status() == 200, Duration.ofSeconds(10));
        assertThat(check(again, "dynamodb").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void liveness_doesNotFollowDynamo() {
        // a shared dependency's outage is no reason to restart the pod
        RawHttp.Reply live = RawHttp.get(server.port(), "/health/live", Map.of("Accept", "application/json"));
        assertThat(live.status()).isEqualTo(200);
        assertThat(check(live, "dynamodb").isMissingNode()).isTrue();
    }

    private RawHttp.Reply ready() {
        return RawHttp.get(server.port(), "/health/ready", Map.of("Accept", "application/json"));
    }

    private RawHttp.Reply awaitReady(Predicate<RawHttp.Reply> wanted, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        RawHttp.Reply reply = ready();
        while (!wanted.test(reply) && System.nanoTime() < deadline) {
            sleep(200);
            reply = ready();
        }
        assertThat(wanted.test(reply)).as("within " + within + ": " + reply.status() + " " + reply.body()).isTrue();
        return reply;
    }

    static JsonNode check(RawHttp.Reply reply, String name) {
        for (JsonNode c : reply.json().path("checks")) {
            if (name.equals(c.path("name").asText())) {
                return c;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
