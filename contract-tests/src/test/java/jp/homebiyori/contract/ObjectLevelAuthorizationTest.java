package jp.homebiyori.contract;

import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import io.swagger.v3.oas.models.parameters.Parameter;
import jakarta.inject.Inject;
import jp.homebiyori.common.db.TableNames;
import jp.homebiyori.contract.support.Backend;
import jp.homebiyori.contract.support.Client;
import jp.homebiyori.contract.support.ContractChecks;
import jp.homebiyori.contract.support.Contracts;
import jp.homebiyori.contract.support.Http;
import jp.homebiyori.contract.support.Schemas;
import jp.homebiyori.contract.support.SpecOperation;
import jp.homebiyori.contract.support.TableSnapshot;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Object-level authorisation: every operation with an id in its path, called by user B with user A's
 * real ids, is a 404 NOT_FOUND (the same as an unknown id) and changes nothing; A's own call with the
 * same ids succeeds, so the ids were real. And no read operation of the user API shows B any of A's ids.
 */
@HelidonTest
class ObjectLevelAuthorizationTest {

    private static final String OWNER = "ola-owner-" + UUID.randomUUID();
    private static final String INTRUDER = "ola-intruder-" + UUID.randomUUID();

    /** The owner's real ids by path parameter name, seeded through the APIs. */
    private static Map<String, String> ownerIds;

    @AddConfigSource
    static ConfigSource config() {
        return Backend.config();
    }

    @Inject
    private ServerCdiExtension server;
    @Inject
    private TableNames tables;

    static Stream<Arguments> operationsWithPathIds() {
        List<SpecOperation> ops = Contracts.load().operations().stream().filter(op -> !op.parameters("path").isEmpty()).toList();
        assertThat(ops).as("operations with an id in the path").isNotEmpty();
        return ops.stream().map(op -> Arguments.of(Named.of(op.api() + " " + op.id(), op)));
    }

    static Stream<Arguments> userReadOperations() {
        return Contracts.load().operations().stream()
                .filter(op -> op.method().equals("GET") && !op.isPublic() && op.parameters("path").isEmpty()
                        && op.schemes().get(0).isBearer() && op.api() == jp.homebiyori.testkit.contract.Spec.USER)
                .map(op -> Arguments.of(Named.of(op.api() + " " + op.id(), op)));
    }

    private Map<String, String> seeded(Client client) {
        synchronized (ObjectLevelAuthorizationTest.class) {
            if (ownerIds == null) {
                client.onboard(OWNER);
                client.onboard(INTRUDER);
                Map<String, String> ids = new LinkedHashMap<>();
                ids.put("fruit_id", client.growFruit(OWNER));
                ids.put("notification_id", client.notification(OWNER));
                client.growFruit(INTRUDER);
                client.notification(INTRUDER);
                ownerIds = ids;
            }
            return ownerIds;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operationsWithPathIds")
    void anotherUsersId_is404_andChangesNothing_whileTheOwnerSucceeds(SpecOperation op) {
        Client client = new Client(server);
        Map<String, String> ids = seeded(client);
        for (Parameter p : op.parameters("path")) {
            assertThat(ids).as("%s: seed a real id for path parameter %s", op, p.getName()).containsKey(p.getName());
        }
        String body = op.hasObjectBody() ? Schemas.example(op.requestBody(), false).toString() : null;
        TableSnapshot before = TableSnapshot.take(tables);

        Http.Request intrusion = client.request(op, INTRUDER, ids, Map.of(), body);
        Http.Reply refused = client.send(intrusion);
        ContractChecks.assertError(refused, 404, "NOT_FOUND", intrusion.describe());
        ContractChecks.assertConforms(op, refused, intrusion.describe());
        assertThat(TableSnapshot.take(tables).changesSince(before)).as("%s wrote", intrusion.describe()).isEmpty();

        Http.Request unknown = client.request(op, INTRUDER, Map.of(op.parameters("path").get(0).getName(), UUID.randomUUID().toString()), Map.of(), body);
        Http.Reply unknownReply = client.send(unknown);
        assertThat(unknownReply.body().replace(unknownReply.json().path("request_id").asText(), ""))
                .as("another user's id answers exactly like an unknown id")
                .isEqualTo(refused.body().replace(refused.json().path("request_id").asText(), ""));

        Http.Reply own = client.send(client.request(op, OWNER, ids, Map.of(), body));
        assertThat(own.status()).as("the owner's own call: %s", own.abbreviated()).isEqualTo(op.successStatus());
        ContractChecks.assertConforms(op, own, "owner");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("userReadOperations")
    void noReadOperation_showsAnotherUsersIds(SpecOperation op) {
        Client client = new Client(server);
        Map<String, String> ids = seeded(client);
        Http.Reply reply = client.send(client.request(op, INTRUDER, Map.of(), Map.of(), null));
        // a documented refusal (e.g. the portal without a billing customer) is fine; a leak is not
        assertThat(reply.status()).as("%s: %s", op, reply.abbreviated()).isLessThan(500);
        ContractChecks.assertConforms(op, reply, "intruder's read");
        assertThat(reply.body()).as("%s shows the intruder nothing of the owner", op)
                .doesNotContain(OWNER).doesNotContain(ids.values());
    }
}
