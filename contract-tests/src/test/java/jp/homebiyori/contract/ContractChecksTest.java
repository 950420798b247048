package jp.homebiyori.contract;

import jp.homebiyori.testkit.contract.Spec;
import jp.homebiyori.contract.support.ContractChecks;
import jp.homebiyori.contract.support.Contracts;
import jp.homebiyori.contract.support.Http;
import jp.homebiyori.contract.support.SpecOperation;
import jp.homebiyori.contract.support.TableSnapshot;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks the contract tests rely on, without a server: the specs are read completely, and the
 * response validation and Error-body check do reject answers that drift from the contract — so a green
 * run of the other tests means something.
 */
class ContractChecksTest {

    private static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"));
    private static final String PROFILE = """
            {"user_id":"u1","nickname":"ゆうママ","ai_character":"tama","praise_level":"normal","onboarding_completed":true,
             "created_at":"2026-11-26T21:30:00+09:00","updated_at":"2026-11-26T21:30:00+09:00"}""";

    private final Contracts contracts = Contracts.load();

    private static Http.Reply reply(int status, String body) {
        return new Http.Reply(status, JSON, body);
    }

    @Test
    void everySpecIsReadCompletely_withUniqueOperationIdsAndASecuritySchemeOrSecurityNone() {
        List<SpecOperation> all = contracts.operations();
        assertThat(all).hasSizeGreaterThanOrEqualTo(30);
        for (Spec api : Spec.values()) {
            assertThat(contracts.operations(api)).as("%s operations", api).isNotEmpty();
        }
        Set<String> ids = new HashSet<>();
        all.forEach(op -> assertThat(ids.add(op.id())).as("duplicate operationId %s", op.id()).isTrue());
        assertThat(all).filteredOn(SpecOperation::isPublic).extracting(SpecOperation::id)
                .containsExactlyInAnyOrder("getHealth", "getWebhookHealth", "handleStripeWebhook");
        assertThat(contracts.operation("createNotification").successStatus()).isEqualTo(201);
        assertThat(contracts.operation("createNotification").schemes().get(0).headerName()).isEqualTo("X-API-Key");
    }

    @Test
    void aConformingAnswer_passes() {
        assertThat(ContractChecks.violations(contracts.operation("getProfile"), reply(200, PROFILE))).isEmpty();
    }

    @Test
    void aDriftedAnswer_isCaught_extraOrRenamedOrMistypedFieldsUndocumentedStatusOrWrongContentType() {
        SpecOperation op = contracts.operation("getProfile");
        assertThat(ContractChecks.violations(op, reply(200, PROFILE.replace("\"user_id\"", "\"userId\"")))).isNotEmpty();
        assertThat(ContractChecks.violations(op, reply(200, PROFILE.replace("}", ",\"email\":\"a@b.c\"}")))).isNotEmpty();
        assertThat(ContractChecks.violations(op, reply(200, PROFILE.replace("\"tama\"", "\"Tama\"")))).isNotEmpty();
        assertThat(ContractChecks.violations(op, reply(200, PROFILE.replace("true", "\"yes\"")))).isNotEmpty();
        assertThat(ContractChecks.violations(op, reply(200, PROFILE.replace("+09:00\",\"updated", "\",\"updated")
                .replace("2026-11-26T21:30:00\"", "yesterday\"")))).isNotEmpty();
        assertThat(ContractChecks.violations(op, reply(418, "{}"))).isNotEmpty();
        assertThat(ContractChecks.violations(op, new Http.Reply(200, Map.of("Content-Type", List.of("text/html")), PROFILE))).isNotEmpty();
    }

    @Test
    void errorBodies_areCheckedForEveryField() {
        String good = "{\"code\":\"NOT_FOUND\",\"message\":\"no such fruit\",\"request_id\":\"r-1\"}";
        assertThat(ContractChecks.errorBodyProblem(reply(404, good))).isNull();
        assertThat(ContractChecks.violations(contracts.operation("viewFruit"), reply(404, good))).isEmpty();
        assertThat(ContractChecks.errorBodyProblem(reply(404, good.replace(",\"request_id\":\"r-1\"", "")))).contains("request_id");
        assertThat(ContractChecks.errorBodyProblem(reply(404, good.replace("NOT_FOUND", "not found")))).contains("code");
        assertThat(ContractChecks.errorBodyProblem(reply(404, good.replace("}", ",\"trace\":\"x\"}")))).contains("trace");
        assertThat(ContractChecks.errorBodyProblem(new Http.Reply(400, Map.of(), ""))).contains("Content-Type");
        assertThat(ContractChecks.errorBodyProblem(reply(500, "<html>Internal</html>"))).isNotNull();
        assertThat(ContractChecks.violations(contracts.operation("viewFruit"), reply(404, good.replace("}", ",\"x\":1}")))).isNotEmpty();
    }

    @Test
    void tableSnapshots_seeAddedChangedAndRemovedItems() {
        TableSnapshot before = new TableSnapshot(Map.of("t", Set.of("{PK=a, v=1}", "{PK=b}")));
        assertThat(before.changesSince(before)).isEmpty();
        assertThat(new TableSnapshot(Map.of("t", Set.of("{PK=a, v=2}", "{PK=b}"))).changesSince(before)).hasSize(2);
        assertThat(new TableSnapshot(Map.of("t", Set.of("{PK=a, v=1}"))).changesSince(before)).containsExactly("- t {PK=b}");
        assertThat(new TableSnapshot(Map.of("t", Set.of("{PK=a, v=1}", "{PK=b}", "{PK=c}"))).changesSince(before))
                .containsExactly("+ t {PK=c}");
    }
}
