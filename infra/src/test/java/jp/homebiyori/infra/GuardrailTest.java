package jp.homebiyori.infra;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static jp.homebiyori.infra.Template.list;
import static jp.homebiyori.infra.Template.map;
import static jp.homebiyori.infra.Template.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Bedrock guardrail of the AI replies: what it denies and filters, its published version, and that
 * chat-service — and only chat-service — names it and may apply it.
 */
class GuardrailTest {

    private final Template template = Template.load();

    private Map<String, Object> guardrail() {
        assertThat(template.resources("AWS::Bedrock::Guardrail")).containsOnlyKeys("ChatGuardrail");
        return template.properties("ChatGuardrail");
    }

    private Map<String, Map<String, Object>> topics() {
        return list(map(guardrail().get("TopicPolicyConfig")).get("TopicsConfig")).stream().map(Template::map)
                .collect(Collectors.toMap(t -> (String) t.get("Name"), Function.identity()));
    }

    @Test
    void deniesMedicalJudgementInAnswers_andSelfHarmMethodsBothWays() throws IOException {
        Map<String, Map<String, Object>> topics = topics();
        assertThat(topics).containsOnlyKeys("MedicalAdvice", "SelfHarmMethods");
        topics.values().forEach(t -> {
            assertThat(t.get("Type")).isEqualTo("DENY");
            assertThat(list(t.get("Examples"))).as(t.get("Name") + " has Japanese examples").isNotEmpty()
                    .allSatisfy(e -> assertThat((String) e).containsPattern("[\\p{IsHiragana}\\p{IsKatakana}]"));
        });
        // a message about a sick child still gets its praise; only the model's answer may not judge health
        assertThat(topics.get("MedicalAdvice")).containsEntry("InputEnabled", false).containsEntry("OutputEnabled", true)
                .containsEntry("OutputAction", "BLOCK");
        assertThat(topics.get("SelfHarmMethods")).containsEntry("InputEnabled", true).containsEntry("InputAction", "BLOCK")
                .containsEntry("OutputEnabled", true).containsEntry("OutputAction", "BLOCK");
        // the code gives a message blocked for this topic the self-harm safety reply: the names must agree
        String intervention = Files.readString(Template.repositoryRoot()
                .resolve("shared/ai/src/main/java/jp/homebiyori/ai/GuardrailIntervention.java"));
        assertThat(intervention).contains("SELF_HARM_TOPIC = \"SelfHarmMethods\"");
    }

    @Test
    void filtersHarmfulContent_strictlyInAnswers_andPromptAttacksInMessages() {
        Map<String, Map<String, Object>> filters = list(map(guardrail().get("ContentPolicyConfig")).get("FiltersConfig"))
                .stream().map(Template::map).collect(Collectors.toMap(f -> (String) f.get("Type"), Function.identity()));
        assertThat(filters).containsOnlyKeys("HATE", "INSULTS", "SEXUAL", "VIOLENCE", "MISCONDUCT", "PROMPT_ATTACK");
        filters.forEach((type, f) -> {
            if (type.equals("PROMPT_ATTACK")) {
                assertThat(f).containsEntry("InputStrength", "HIGH").containsEntry("OutputStrength", "NONE");
            } else {
                assertThat(f).as(type).containsEntry("OutputStrength", "HIGH");
                assertThat(List.of("LOW", "MEDIUM", "HIGH")).as(type + " input").contains((String) f.get("InputStrength"));
            }
        });
    }

    @Test
    void readsJapanese_theStandardTierThroughACrossRegionProfile_andAnswersGentlyInJapanese() {
        Map<String, Object> g = guardrail();
        // the Classic tier reads English, French and Spanish only
        assertThat(map(map(g.get("TopicPolicyConfig")).get("TopicsTierConfig"))).containsEntry("TierName", "STANDARD");
        assertThat(map(map(g.get("ContentPolicyConfig")).get("ContentFiltersTierConfig"))).containsEntry("TierName", "STANDARD");
        assertThat(text(map(g.get("CrossRegionConfig")).get("GuardrailProfileArn")))
                .isEqualTo("arn:aws:bedrock:" + Template.REGION + ":" + Template.ACCOUNT + ":guardrail-profile/<GuardrailProfile>");
        assertThat(map(map(template.root().get("Parameters")).get("GuardrailProfile"))).containsEntry("Default", "apac.guardrail.v1:0");
        for (String messaging : List.of("BlockedInputMessaging", "BlockedOutputsMessaging")) {
            assertThat(text(g.get(messaging))).as(messaging).containsPattern("\\p{IsHiragana}").contains("ごめんなさい")
                    .hasSizeLessThanOrEqualTo(500);
        }
        assertThat(text(g.get("Name"))).isEqualTo(Template.ENV + "-homebiyori-chat");
    }

    @Test
    void oneVersionIsPublished_andChatNamesItAndOnlyChat() {
        assertThat(template.resources("AWS::Bedrock::GuardrailVersion")).containsOnlyKeys("ChatGuardrailVersion");
        assertThat(text(template.properties("ChatGuardrailVersion").get("GuardrailIdentifier"))).isEqualTo("<ChatGuardrail.GuardrailId>");
        assertThat(text(template.properties("ChatGuardrailVersion").get("Description"))).isNotBlank();

        template.functions().values().forEach(f -> {
            Map<String, String> env = f.environment();
            if (f.name().equals("chat-service")) {
                assertThat(env).containsEntry("HOMEBIYORI_AI_BEDROCK_GUARDRAIL_ID", "<ChatGuardrail.GuardrailId>")
                        .containsEntry("HOMEBIYORI_AI_BEDROCK_GUARDRAIL_VERSION", "<ChatGuardrailVersion.Version>");
            } else {
                assertThat(env.keySet()).as(f.name()).noneMatch(k -> k.contains("GUARDRAIL"));
            }
        });
    }

    @Test
    void onlyChatsRoleMayApplyTheGuardrail() {
        template.resources("AWS::IAM::Role").forEach((id, role) -> {
            List<Map<String, Object>> guardrailStatements = list(map(role.get("Properties")).get("Policies")).stream()
                    .flatMap(p -> list(map(map(p).get("PolicyDocument")).get("Statement")).stream()).map(Template::map)
                    .filter(s -> list(s.get("Action")).contains("bedrock:ApplyGuardrail"))
                    .toList();
            if (id.equals("ChatServiceRole")) {
                assertThat(guardrailStatements).singleElement().satisfies(s -> {
                    assertThat(list(s.get("Action"))).containsExactly("bedrock:ApplyGuardrail");
                    assertThat(list(s.get("Resource")).stream().map(Template::text)).containsExactly(
                            "<ChatGuardrail.GuardrailArn>",
                            "arn:aws:bedrock:*:" + Template.ACCOUNT + ":guardrail-profile/<GuardrailProfile>");
                });
            } else {
                assertThat(guardrailStatements).as(id).isEmpty();
            }
        });
    }
}
