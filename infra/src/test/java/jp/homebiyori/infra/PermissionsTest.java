package jp.homebiyori.infra;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static jp.homebiyori.infra.Template.list;
import static jp.homebiyori.infra.Template.map;
import static jp.homebiyori.infra.Template.reference;
import static jp.homebiyori.infra.Template.text;
import static org.assertj.core.api.Assertions.assertThat;

/** One least-privilege role per function: who may do what to which resource. */
class PermissionsTest {

    /** One Allow of a role: an action on a resource (both resolved to text, see {@link Template#text}). */
    record Grant(String action, String resource) {
    }

    /** Actions that AWS authorises only on "*" (no resource-level permissions). */
    private static final Set<String> STAR_ONLY_ACTIONS = Set.of(
            "cloudwatch:GetMetricData", "cloudwatch:GetMetricStatistics", "cloudwatch:ListMetrics");

    /**
     * The tables each function's code touches (the repositories of shared/domain its service module
     * injects, plus the webhook's processed-event store and user-service's account eraser).
     */
    private static final Map<String, Set<String>> TABLES = Map.of(
            "chat-service", Set.of("UsersTable", "SubscriptionsTable", "TreesTable", "ChatsTable", "FruitsTable", "SystemTable"),
            "tree-service", Set.of("UsersTable", "TreesTable", "FruitsTable"),
            "user-service", Set.of("UsersTable", "SubscriptionsTable", "TreesTable", "ChatsTable", "FruitsTable",
                    "NotificationsTable", "FeedbackTable", "SystemTable"),
            "billing-service", Set.of("SubscriptionsTable", "FeedbackTable", "SystemTable"),
            "webhook-service", Set.of("SubscriptionsTable", "UsersTable", "SystemTable"),
            "notification-service", Set.of("NotificationsTable"),
            "ttl-updater", Set.of("ChatsTable", "SubscriptionsTable"),
            "health-check", Set.of(),
            "admin-service", Set.of("UsersTable", "SubscriptionsTable", "TreesTable", "SystemTable"));

    private static final String PARAMETERS = "arn:aws:ssm:" + Template.REGION + ":" + Template.ACCOUNT
            + ":parameter/" + Template.ENV + "/homebiyori/";

    private final Template template = Template.load();
    private final Map<String, Set<Grant>> grants = grantsByFunction();

    @Test
    void everyFunctionHasARoleOfItsOwn() {
        Map<String, String> roleOf = template.functions().values().stream()
                .collect(Collectors.toMap(Template.Function::name, Template.Function::roleLogicalId));
        assertThat(new HashSet<>(roleOf.values())).hasSize(roleOf.size());
        roleOf.values().forEach(role -> assertThat(template.resources("AWS::IAM::Role")).containsKey(role));
        assertThat(template.resources("AWS::IAM::Role")).hasSize(roleOf.size());
        roleOf.forEach((function, role) -> {
            List<Object> trust = list(map(template.properties(role).get("AssumeRolePolicyDocument")).get("Statement"));
            assertThat(trust).as(function + " is assumed by Lambda only").singleElement()
                    .satisfies(s -> assertThat(map(map(s).get("Principal"))).containsExactly(Map.entry("Service", "lambda.amazonaws.com")));
        });
    }

    @Test
    void noWildcardActions_andStarResourcesOnlyWhereAwsAllowsNothingElse() {
        grants.forEach((function, set) -> set.forEach(g -> {
            assertThat(g.action()).as(function).doesNotContain("*");
            if (g.resource().equals("*")) {
                assertThat(STAR_ONLY_ACTIONS).as(function + " " + g).contains(g.action());
            } else {
                assertThat(g.resource()).as(function + " " + g.action()).doesNotEndWith(":*").isNotEqualTo("arn:aws:*");
            }
        }));
        assertThat(template.resources("AWS::Serverless::Function").values())
                .allSatisfy(f -> assertThat(map(f.get("Properties"))).doesNotContainKey("Policies"));
    }

    @Test
    void eachFunctionReachesExactlyTheTablesItsCodeUses() {
        TABLES.forEach((function, tables) -> {
            Set<String> reached = grants.get(function).stream()
                    .filter(g -> g.action().startsWith("dynamodb:"))
                    .map(g -> g.resource().replaceAll("^<([A-Za-z]+)\\.Arn>.*$", "$1"))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertThat(reached).as(function).isEqualTo(new TreeSet<>(tables));
        });
        // reading is not writing: the read-only paths write nothing
        assertThat(actions("tree-service", "dynamodb:")).doesNotContain("dynamodb:PutItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem");
        assertThat(actions("admin-service", "dynamodb:")).containsExactlyInAnyOrder("dynamodb:Scan", "dynamodb:GetItem", "dynamodb:BatchGetItem");
        // only account deletion deletes; the one other batch write is chat-service's on the chats table, which puts
        // a chat and the conversation context together (IAM cannot tell a batch's puts from its deletes)
        grants.forEach((function, set) -> {
            if (!function.equals("user-service")) {
                assertThat(set).as(function).noneMatch(g -> g.action().equals("dynamodb:DeleteItem"));
                assertThat(set).as(function).filteredOn(g -> g.action().equals("dynamodb:BatchWriteItem"))
                        .allSatisfy(g -> assertThat(function + " " + g.resource()).isEqualTo("chat-service <ChatsTable.Arn>"));
            }
        });
    }

    @Test
    void onlyChatCallsBedrock_onItsOneModel_throughItsOneGuardrail() {
        grants.forEach((function, set) -> {
            List<Grant> bedrock = set.stream().filter(g -> g.action().startsWith("bedrock:")).toList();
            if (function.equals("chat-service")) {
                assertThat(bedrock).containsExactlyInAnyOrder(
                        new Grant("bedrock:InvokeModel", "arn:aws:bedrock:" + Template.REGION + "::foundation-model/<BedrockModelId>"),
                        // the guardrail itself, and the cross-Region profile its Standard tier runs through
                        new Grant("bedrock:ApplyGuardrail", "<ChatGuardrail.GuardrailArn>"),
                        new Grant("bedrock:ApplyGuardrail", "arn:aws:bedrock:*:" + Template.ACCOUNT
                                + ":guardrail-profile/<GuardrailProfile>"));
            } else {
                assertThat(bedrock).as(function).isEmpty();
            }
        });
    }

    @Test
    void healthCheckReadsPlainParametersAndWritesItsLog_nothingElse() {
        assertThat(grants.get("health-check")).extracting(Grant::action)
                .containsOnly("ssm:GetParameter", "logs:CreateLogStream", "logs:PutLogEvents");
        assertThat(grants.get("health-check")).filteredOn(g -> g.action().startsWith("ssm:"))
                .allSatisfy(g -> assertThat(g.resource()).matches(PARAMETERS.replace(".", "\\.") + "(maintenance|app|features|tree)/\\*"));
    }

    @Test
    void secretsAreReadOnlyWhereUsed_andOnlyTheAdminWritesParameters_onlyMaintenance() {
        assertThat(readers("stripe/api_key")).containsExactlyInAnyOrder("billing-service", "user-service", "webhook-service");
        assertThat(readers("stripe/webhook_secret")).containsExactly("webhook-service");
        assertThat(readers("internal/api_key")).containsExactlyInAnyOrder("webhook-service", "ttl-updater", "notification-service");
        Map<String, Set<String>> writers = new HashMap<>();
        grants.forEach((function, set) -> set.stream().filter(g -> g.action().equals("ssm:PutParameter") || g.action().equals("ssm:DeleteParameter"))
                .forEach(g -> writers.computeIfAbsent(function, k -> new HashSet<>()).add(g.resource())));
        assertThat(writers).containsOnlyKeys("admin-service");
        assertThat(writers.get("admin-service")).containsExactly(PARAMETERS + "maintenance/*");
        // no grant covers the whole /<env>/homebiyori/ tree (which would include the secrets)
        grants.forEach((function, set) -> assertThat(set).as(function)
                .noneMatch(g -> g.action().startsWith("ssm:") && g.resource().equals(PARAMETERS + "*")));
    }

    @Test
    void queueAccess_webhookSends_ttlUpdaterConsumes_adminReadsDepths() {
        assertThat(functionsWith("sqs:SendMessage")).containsExactly("webhook-service");
        assertThat(grants.get("webhook-service")).contains(new Grant("sqs:SendMessage", "<TtlQueue.Arn>"));
        assertThat(functionsWith("sqs:ReceiveMessage")).containsExactly("ttl-updater");
        assertThat(functionsWith("sqs:DeleteMessage")).containsExactly("ttl-updater");
        assertThat(grants.get("admin-service")).contains(
                new Grant("sqs:GetQueueAttributes", "<TtlQueue.Arn>"),
                new Grant("sqs:GetQueueAttributes", "<TtlDeadLetterQueue.Arn>"));
        // only what CloudWatchMetrics calls
        assertThat(actions("admin-service", "cloudwatch:")).containsExactly("cloudwatch:GetMetricData");
        assertThat(functionsWith("cloudwatch:GetMetricData")).containsExactly("admin-service");
    }

    @Test
    void onlyTheWebhookAndTtlUpdaterMayCallTheInternalApi_andTheApiSaysSoItself() {
        assertThat(functionsWith("execute-api:Invoke")).containsExactlyInAnyOrder("webhook-service", "ttl-updater");
        String internal = "arn:aws:execute-api:" + Template.REGION + ":" + Template.ACCOUNT + ":<InternalApi>/" + Template.ENV
                + "/POST/internal/notifications/create";
        assertThat(grants.get("webhook-service")).contains(new Grant("execute-api:Invoke", internal));
        assertThat(grants.get("ttl-updater")).contains(new Grant("execute-api:Invoke", internal));

        Map<String, Object> auth = map(template.properties("InternalApi").get("Auth"));
        assertThat(auth).containsEntry("DefaultAuthorizer", "AWS_IAM").containsEntry("InvokeRole", "NONE");
        List<Object> statements = list(map(auth.get("ResourcePolicy")).get("CustomStatements"));
        Map<String, Object> allow = statements.stream().map(Template::map).filter(s -> "Allow".equals(s.get("Effect"))).findFirst().orElseThrow();
        assertThat(list(map(allow.get("Principal")).get("AWS")).stream().map(p -> reference(p).orElseThrow()))
                .containsExactlyInAnyOrder("WebhookServiceRole", "TtlUpdaterRole");
        Map<String, Object> deny = statements.stream().map(Template::map).filter(s -> "Deny".equals(s.get("Effect"))).findFirst().orElseThrow();
        assertThat(list(map(map(deny.get("Condition")).get("ArnNotEquals")).get("aws:PrincipalArn")).stream()
                .map(p -> reference(p).orElseThrow())).containsExactlyInAnyOrder("WebhookServiceRole", "TtlUpdaterRole");
    }

    @Test
    void eachFunctionWritesOnlyItsOwnLogGroup() {
        template.functions().values().forEach(f -> {
            Set<String> logResources = grants.get(f.name()).stream().filter(g -> g.action().startsWith("logs:"))
                    .map(Grant::resource).collect(Collectors.toSet());
            assertThat(logResources).as(f.name()).hasSize(1);
            String group = logResources.iterator().next().replaceAll("^<([A-Za-z]+)\\.Arn>$", "$1");
            assertThat(text(template.properties(group).get("LogGroupName")))
                    .isEqualTo("/aws/lambda/" + Template.ENV + "-homebiyori-" + f.name());
        });
    }

    private Set<String> readers(String parameter) {
        return grants.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(g -> g.action().equals("ssm:GetParameter")
                        && (g.resource().equals(PARAMETERS + parameter)
                        || g.resource().startsWith(PARAMETERS) && g.resource().endsWith("/*") && parameter.startsWith(g.resource().substring(PARAMETERS.length(), g.resource().length() - 1)))))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    private Set<String> functionsWith(String action) {
        return grants.entrySet().stream().filter(e -> e.getValue().stream().anyMatch(g -> g.action().equals(action)))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    private Set<String> actions(String function, String prefix) {
        return grants.get(function).stream().map(Grant::action).filter(a -> a.startsWith(prefix)).collect(Collectors.toSet());
    }

    /** Every Allow of each function's role, inline and from stand-alone policies attached to it. */
    private Map<String, Set<Grant>> grantsByFunction() {
        Map<String, List<Object>> documentsByRole = new HashMap<>();
        template.resources("AWS::IAM::Role").forEach((id, role) -> list(map(role.get("Properties")).get("Policies"))
                .forEach(p -> documentsByRole.computeIfAbsent(id, k -> new ArrayList<>()).add(map(p).get("PolicyDocument"))));
        template.resources("AWS::IAM::Policy").values().forEach(policy -> {
            Map<String, Object> p = map(policy.get("Properties"));
            list(p.get("Roles")).forEach(r -> documentsByRole.computeIfAbsent(reference(r).orElseThrow(), k -> new ArrayList<>())
                    .add(p.get("PolicyDocument")));
        });
        Map<String, Set<Grant>> byFunction = new HashMap<>();
        template.functions().values().forEach(f -> {
            Set<Grant> set = new HashSet<>();
            documentsByRole.getOrDefault(f.roleLogicalId(), List.of()).forEach(doc -> list(map(doc).get("Statement")).forEach(s -> {
                Map<String, Object> statement = map(s);
                assertThat(statement.get("Effect")).as(f.name()).isEqualTo("Allow");
                assertThat(statement).as(f.name()).doesNotContainKeys("NotAction", "NotResource");
                for (Object action : list(statement.get("Action"))) {
                    for (Object resource : list(statement.get("Resource"))) {
                        set.add(new Grant((String) action, text(resource)));
                    }
                }
            }));
            byFunction.put(f.name(), set);
        });
        return byFunction;
    }
}
