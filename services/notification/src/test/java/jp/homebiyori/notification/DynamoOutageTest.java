package jp.homebiyori.notification;

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
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static jp.homebiyori.testkit.ErrorAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/** The DynamoDB API server going away: a quick 503 with the Error body, never a hang or a 500; then recovery. */
@HelidonTest
class DynamoOutageTest {

    private static final int PORT = TestStack.freePort();
    private static DynaliteServer dynamo = DynaliteServer.start("127.0.0.1", PORT, null);

    @AddConfigSource
    static ConfigSource config() {
        return TestStack.configSource(Map.of(
                "homebiyori.dynamodb.endpoint", "http://127.0.0.1:" + PORT,
                "homebiyori.dynamodb.create-tables", "true",
                "homebiyori.dynamodb.timeout-millis", "1000"));
    }

    @Inject
    private ServerCdiExtension server;
    @Inject
    private TableNames names;

    @Test
    void dynamoDown_is503Fast_andTheServiceRecoversWhenItReturns() {
        var auth = RawHttp.bearer(TestStack.userToken("outage-user"));
        assertThat(RawHttp.get(server.port(), "/api/notifications/unread-count", auth).status()).isEqualTo(200);

        dynamo.close();
        long start = System.nanoTime();
        RawHttp.Reply down = RawHttp.get(server.port(), "/api/notifications/unread-count", auth);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertError(down, 503, "SERVICE_UNAVAILABLE");
        assertThat(down.header("Retry-After")).isNotBlank();
        assertThat(millis).as("answered without hanging").isLessThan(10_000);

        dynamo = DynaliteServer.start("127.0.0.1", PORT, null);
        DynamoDbClient fresh = AwsClients.build(DynamoDbClient.builder(), "ap-northeast-1",
                Optional.of("http://127.0.0.1:" + PORT), Duration.ofSeconds(5));
        TableProvisioner.createMissing(fresh, names);
        assertThat(RawHttp.get(server.port(), "/api/notifications/unread-count", auth).status()).isEqualTo(200);
        dynamo.close();
    }
}
