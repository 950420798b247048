package jp.homebiyori.contract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.microprofile.server.ServerCdiExtension;
import io.helidon.microprofile.testing.AddConfigSource;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import io.swagger.v3.oas.models.parameters.Parameter;
import jakarta.inject.Inject;
import jp.homebiyori.common.db.TableNames;
import jp.homebiyori.testkit.contract.Spec;
import jp.homebiyori.contract.support.Backend;
import jp.homebiyori.contract.support.Client;
import jp.homebiyori.contract.support.ContractChecks;
import jp.homebiyori.contract.support.Contracts;
import jp.homebiyori.contract.support.Credentials;
import jp.homebiyori.contract.support.Http;
import jp.homebiyori.contract.support.Schemas;
import jp.homebiyori.contract.support.SpecOperation;
import jp.homebiyori.contract.support.TableSnapshot;
import jp.homebiyori.localdev.DevTokenIssuer.Pool;
import jp.homebiyori.testkit.StripeEvents;
import jp.homebiyori.testkit.TestStack;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authentication matrix over every operation of the three specs: a missing, expired, forged,
 * unsigned or foreign credential, and on the user API a token issued before its account's deletion, is
 * refused with the status the spec documents (401, or 403 for an internal caller off the allow-list),
 * with the Error body, and nothing is written to any table.
 * Public operations ({@code security: []}) are exempt; the Stripe webhook's own credential, its
 * signature, gets the same treatment.
 */
@HelidonTest
class AuthMatrixTest {

    private static final String OWNER = "auth-owner-" + UUID.randomUUID();
    private static final String OTHER = "auth-other-" + UUID.randomUUID();
    /** A user who chatted, subscribed and then deleted the account (in {@link #seed}). */
    private static final String DELETED = "auth-deleted-" + UUID.randomUUID();
    /** The deleted user's token from a minute before the deletion: signed, unexpired, and void. */
    private static final String VOIDED = TestStack.userToken(DELETED, Instant.now().minusSeconds(60));

    @AddConfigSource
    static ConfigSource config() {
        return Backend.config();
    }

    @Inject
    private ServerCdiExtension server;
    @Inject
    private TableNames tables;

    /** A way to (not) prove who the caller is, and what the spec says must come of it. */
    record Case(String name, Map<String, String> headers, String sourceInBody, int status, String code) {
        boolean expectsError() {
            return status >= 400;
        }
    }

    /** The owner's path ids and the tables as seeded, shared by every case of the class (one server). */
    private static Map<String, String> ownerIds;
    private static TableSnapshot baseline;

    static Stream<Arguments> matrix() {
        List<SpecOperation> operations = Contracts.load().operations();
        assertThat(operations).extracting(SpecOperation::api).contains(Spec.values());
        return operations.stream().flatMap(op -> cases(op).stream()
                .map(c -> Arguments.of(Named.of(op.api() + " " + op.id(), op), Named.of(c.name(), c))));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("matrix")
    void everyOperation_refusesMissingExpiredForgedAndForeignCredentials_andWritesNothing(SpecOperation op, Case c) {
        Client client = new Client(server);
        synchronized (AuthMatrixTest.class) {
            if (ownerIds == null) {
                ownerIds = seed(client);
                baseline = TableSnapshot.take(tables);
            }
        }
        check(client, op, c, ownerIds, baseline);
    }

    /** The owner: onboarded, premium, with a fruit and a notification — a credential that slipped through would change something. */
    private static Map<String, String> seed(Client client) {
        client.onboard(OWNER);
        client.onboard(OTHER);
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("fruit_id", client.growFruit(OWNER));
        ids.put("notification_id", client.notification(OWNER));
        client.subscribe(OWNER, "cus_auth_owner");
        client.onboard(DELETED);
        client.growFruit(DELETED);
        client.subscribe(DELETED, "cus_auth_deleted");
        client.ok("deleteAccount", DELETED, Map.of(), Map.of(), null);
        return ids;
    }

    private void check(Client client, SpecOperation op, Case c, Map<String, String> ids, TableSnapshot baseline) {
        Http.Request request = request(op, c, ids);
        Http.Reply reply = client.send(request);
        String context = c.name() + " → " + request.describe();
        if (c.expectsError()) {
            assertThat(op.documents(c.status())).as("%s documents %d", op, c.status()).isTrue();
            ContractChecks.assertError(reply, c.status(), c.code(), context);
        } else {
            assertThat(reply.status()).as("%s answered %s", context, reply.abbreviated()).isEqualTo(op.successStatus());
        }
        ContractChecks.assertConforms(op, reply, context);
        assertThat(TableSnapshot.take(tables).changesSince(baseline)).as("%s wrote to the tables", context).isEmpty();
    }

    private static Http.Request request(SpecOperation op, Case c, Map<String, String> ids) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        String body = null;
        if (op.hasObjectBody()) {
            ObjectNode json = (ObjectNode) Schemas.example(op.requestBody(), false);
            if (json.has("user_id")) {
                json.put("user_id", OWNER);
            }
            if (c.sourceInBody() != null) {
                json.put("source_lambda", c.sourceInBody());
            }
            body = json.toString();
        } else if (op.hasBody()) {
            body = subscriptionEvent();
        }
        if (body != null) {
            headers.put("Content-Type", "application/json");
        }
        headers.putAll(c.headers());
        String signature = headers.get("Stripe-Signature");
        if (signature != null && signature.startsWith("sign:")) {
            // sign:<age in seconds>:<secret> — signed over this very body
            String[] parts = signature.split(":", 3);
            headers.put("Stripe-Signature", StripeEvents.signature(body, parts[2],
                    System.currentTimeMillis() / 1000 - Long.parseLong(parts[1])));
        }
        Map<String, String> query = new LinkedHashMap<>();
        for (Parameter p : op.parameters("query")) {
            if (Boolean.TRUE.equals(p.getRequired())) {
                query.put(p.getName(), Schemas.exampleText(p.getSchema(), p.getExample()));
            }
        }
        return Http.Request.of(op.api(), op.method(), Client.target(op, ids, query), headers, body);
    }

    /** A well-formed event that would make the owner premium if it were accepted. */
    private static String subscriptionEvent() {
        long now = System.currentTimeMillis() / 1000;
        return StripeEvents.subscriptionEvent("evt_auth_" + UUID.randomUUID().toString().replace("-", ""),
                "customer.subscription.updated", now, OWNER, "cus_auth_owner", "sub_auth", "price_yearly_local", "active",
                true, now - 3600, now + 365 * 86_400L);
    }

    static List<Case> cases(SpecOperation op) {
        if (op.isPublic()) {
            return op.header("Stripe-Signature").isPresent() ? signatureCases() : publicCases(op);
        }
        SpecOperation.SecurityScheme scheme = op.schemes().get(0);
        return scheme.isBearer() ? bearerCases(op, Credentials.pool(scheme)) : apiKeyCases(op, scheme);
    }

    private static List<Case> bearerCases(SpecOperation op, Pool pool) {
        Pool other = Credentials.otherPool(pool);
        List<Case> cases = new ArrayList<>();
        cases.add(unauthorized("no Authorization header", Map.of()));
        cases.add(unauthorized("an empty bearer", bearer("")));
        cases.add(unauthorized("Basic credentials", Map.of("Authorization", "Basic b3duZXI6cGFzc3dvcmQ=")));
        cases.add(unauthorized("a bearer that is no JWT", bearer("not-a-jwt")));
        cases.add(unauthorized("an expired token", bearer(Credentials.expired(pool, OWNER))));
        cases.add(unauthorized("a token with a tampered signature", bearer(Credentials.tamperedSignature(pool, OWNER))));
        cases.add(unauthorized("a token with swapped claims", bearer(Credentials.tamperedClaims(pool, OTHER, OWNER))));
        cases.add(unauthorized("an unsigned token (alg none)", bearer(Credentials.algNone(pool, OWNER))));
        cases.add(unauthorized("an RS256 signature relabelled HS256", bearer(Credentials.hmacHeader(pool, OWNER))));
        cases.add(unauthorized("a token of the other pool (" + other + ")", bearer(Credentials.token(other, OWNER))));
        cases.add(unauthorized("a token of a foreign issuer",
                bearer(Credentials.withClaims(pool, OWNER, Map.of("iss", "https://cognito-idp.example/other-pool")))));
        cases.add(unauthorized("a token for another app client",
                bearer(Credentials.withClaims(pool, OWNER, Map.of("client_id", "someone-elses-client")))));
        cases.add(unauthorized("the internal API key instead of a token",
                Map.of("X-API-Key", TestStack.INTERNAL_API_KEY, "X-Source-Lambda", "ttl-updater")));
        // the deletion itself stays open to the tokens it voids, to finish a half-done deletion (AccountDeletionTest)
        if (pool == Pool.USER && !op.id().equals("deleteAccount")) {
            cases.add(unauthorized("a token issued before its account's deletion", bearer(VOIDED)));
        }
        return cases;
    }

    private static List<Case> apiKeyCases(SpecOperation op, SpecOperation.SecurityScheme scheme) {
        String key = scheme.headerName();
        String source = Credentials.allowedSource(op);
        List<String> allowed = op.header("X-Source-Lambda").orElseThrow().getSchema().getEnum().stream().map(Object::toString).toList();
        String otherAllowed = allowed.stream().filter(s -> !s.equals(source)).findFirst().orElse(null);
        List<Case> cases = new ArrayList<>();
        cases.add(unauthorized("no API key", Map.of("X-Source-Lambda", source)));
        cases.add(unauthorized("a wrong API key", Map.of(key, "wrong-key", "X-Source-Lambda", source)));
        cases.add(unauthorized("the API key plus one character", Map.of(key, TestStack.INTERNAL_API_KEY + "x", "X-Source-Lambda", source)));
        cases.add(unauthorized("an empty API key", Map.of(key, "", "X-Source-Lambda", source)));
        cases.add(unauthorized("a user token instead of the key",
                Map.of("Authorization", "Bearer " + Credentials.token(Pool.USER, OWNER), "X-Source-Lambda", source)));
        cases.add(unauthorized("an admin token instead of the key",
                Map.of("Authorization", "Bearer " + Credentials.token(Pool.ADMIN, OWNER), "X-Source-Lambda", source)));
        cases.add(forbidden("a source not on the allow-list", Map.of(key, TestStack.INTERNAL_API_KEY, "X-Source-Lambda", "chat-service"), null));
        cases.add(forbidden("no source header", Map.of(key, TestStack.INTERNAL_API_KEY), null));
        cases.add(forbidden("an allowed source in other letter case",
                Map.of(key, TestStack.INTERNAL_API_KEY, "X-Source-Lambda", source.toUpperCase()), null));
        if (otherAllowed != null) {
            cases.add(forbidden("a body source_lambda other than the header's",
                    Map.of(key, TestStack.INTERNAL_API_KEY, "X-Source-Lambda", source), otherAllowed));
        }
        return cases;
    }

    /** The webhook is public but authenticated by Stripe-Signature over the exact body. */
    private static List<Case> signatureCases() {
        long now = System.currentTimeMillis() / 1000;
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("no Stripe-Signature header (a required header: 400)", Map.of(), null, 400, "VALIDATION_ERROR"));
        cases.add(invalidSignature("a garbage signature", "t=1,v1=deadbeef"));
        cases.add(invalidSignature("a signature without v1", "t=" + now));
        cases.add(invalidSignature("a valid signature of another body",
                StripeEvents.signature(subscriptionEvent(), StripeEvents.TEST_WEBHOOK_SECRET)));
        cases.add(invalidSignature("a signature with another secret", "sign:0:whsec_not_ours"));
        cases.add(invalidSignature("a signature older than the 300 s tolerance", "sign:3600:" + StripeEvents.TEST_WEBHOOK_SECRET));
        cases.add(invalidSignature("a bearer token instead of a signature",
                "Bearer " + Credentials.token(Pool.USER, OWNER)));
        return cases;
    }

    /** Public operations answer whatever credential comes along, forged ones included. */
    private static List<Case> publicCases(SpecOperation op) {
        return List.of(
                new Case("public: no credentials", Map.of(), null, op.successStatus(), null),
                new Case("public: a forged token is ignored", bearer(Credentials.algNone(Pool.USER, OWNER)), null, op.successStatus(), null));
    }

    private static Case unauthorized(String name, Map<String, String> headers) {
        return new Case(name, headers, null, 401, "UNAUTHORIZED");
    }

    private static Case forbidden(String name, Map<String, String> headers, String sourceInBody) {
        return new Case(name, headers, sourceInBody, 403, "FORBIDDEN");
    }

    private static Case invalidSignature(String name, String signature) {
        return new Case(name, Map.of("Stripe-Signature", signature), null, 401, "INVALID_SIGNATURE");
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }
}
