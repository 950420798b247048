package jp.homebiyori.infra;

import jp.homebiyori.common.config.Parameters;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static jp.homebiyori.infra.Template.list;
import static jp.homebiyori.infra.Template.map;
import static jp.homebiyori.infra.Template.reference;
import static jp.homebiyori.infra.Template.text;
import static org.assertj.core.api.Assertions.assertThat;

/** The TTL queue, Parameter Store, the user API's rate limit and the two Cognito pools. */
class PlatformTest {

    private final Template template = Template.load();

    @Test
    void ttlQueue_redrivesToItsDlqAfterThreeReceives_andOutwaitsTheFunction() {
        Map<String, Object> queue = template.properties("TtlQueue");
        assertThat(text(queue.get("QueueName"))).isEqualTo(Template.ENV + "-homebiyori-ttl-updates");
        assertThat(text(template.properties("TtlDeadLetterQueue").get("QueueName"))).isEqualTo(Template.ENV + "-homebiyori-ttl-updates-dlq");
        Map<String, Object> redrive = map(queue.get("RedrivePolicy"));
        assertThat(reference(redrive.get("deadLetterTargetArn"))).contains("TtlDeadLetterQueue");
        assertThat(redrive.get("maxReceiveCount")).isEqualTo(3);
        int functionTimeout = (Integer) template.functions().get("ttl-updater").get("Timeout");
        // a message must stay invisible for longer than one invocation can take, or it is handled twice
        assertThat((Integer) queue.get("VisibilityTimeout")).isGreaterThanOrEqualTo(6 * functionTimeout);
        Map<String, Object> mapping = map(template.functions().get("ttl-updater").events().get("TtlQueue").get("Properties"));
        assertThat((Integer) map(mapping.get("ScalingConfig")).get("MaximumConcurrency"))
                .isLessThanOrEqualTo((Integer) template.functions().get("ttl-updater").get("ReservedConcurrentExecutions"));
    }

    /** Every parameter the code names (jp.homebiyori.common.config.Parameters) is created here, or listed as a SecureString to put by hand. */
    @Test
    void everyParameterOfTheCodeIsCreated_orListedAsASecretToPutBeforeTheFirstRequest() throws IllegalAccessException {
        Set<String> inCode = new HashSet<>();
        for (Field field : Parameters.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                inCode.add((String) field.get(null));
            }
        }
        assertThat(inCode).contains("maintenance/enabled", "internal/api_key", "tree/growth_thresholds");

        String prefix = "/" + Template.ENV + "/homebiyori/";
        Set<String> created = template.resources("AWS::SSM::Parameter").values().stream()
                .map(r -> map(r.get("Properties")))
                .peek(p -> assertThat(p.get("Type")).isEqualTo("String"))
                .map(p -> text(p.get("Name")))
                .peek(name -> assertThat(name).startsWith(prefix))
                .map(name -> name.substring(prefix.length()))
                .collect(Collectors.toSet());
        Set<String> secure = list(map(map(template.root().get("Metadata")).get("Homebiyori")).get("SecureParameters")).stream()
                .map(String.class::cast).collect(Collectors.toSet());

        assertThat(secure).containsExactlyInAnyOrder(Parameters.STRIPE_API_KEY, Parameters.STRIPE_WEBHOOK_SECRET, Parameters.INTERNAL_API_KEY);
        assertThat(created).doesNotContainAnyElementsOf(secure);
        Set<String> all = new HashSet<>(created);
        all.addAll(secure);
        assertThat(all).isEqualTo(inCode);
        // Parameter Store refuses empty values
        template.resources("AWS::SSM::Parameter").values().forEach(r ->
                assertThat(text(map(r.get("Properties")).get("Value"))).isNotEmpty());
        assertThat(template.resources("AWS::SSM::Parameter").values().stream()
                .filter(r -> text(map(r.get("Properties")).get("Name")).endsWith("/maintenance/enabled"))
                .map(r -> text(map(r.get("Properties")).get("Value")))).containsExactly("false");
    }

    /** domain.md: 100 requests per minute per user - a WAF rate rule per token on the user API's stage, answering 429. */
    @Test
    void userApiRateLimit_isAHundredPerMinutePerCallerToken_answering429() {
        Map<String, Object> limitParameter = map(map(template.root().get("Parameters")).get("UserRateLimitPerMinute"));
        assertThat(limitParameter.get("Default")).isEqualTo(100);

        Map<String, Object> acl = template.properties("UserApiWebAcl");
        assertThat(acl.get("Scope")).isEqualTo("REGIONAL");
        Map<String, Object> rule = map(list(acl.get("Rules")).get(0));
        Map<String, Object> rate = map(map(rule.get("Statement")).get("RateBasedStatement"));
        assertThat(reference(rate.get("Limit"))).contains("UserRateLimitPerMinute");
        assertThat(rate.get("EvaluationWindowSec")).isEqualTo(60);
        assertThat(rate.get("AggregateKeyType")).isEqualTo("CUSTOM_KEYS");
        assertThat(map(map(list(rate.get("CustomKeys")).get(0)).get("Header")).get("Name")).isEqualTo("authorization");
        Map<String, Object> response = map(map(map(rule.get("Action")).get("Block")).get("CustomResponse"));
        assertThat(response.get("ResponseCode")).isEqualTo(429);
        String body = (String) map(map(acl.get("CustomResponseBodies")).get((String) response.get("CustomResponseBodyKey"))).get("Content");
        assertThat(body).contains("\"code\":\"RATE_LIMITED\"");

        Map<String, Object> association = template.properties("UserApiWebAclAssociation");
        assertThat(reference(association.get("WebACLArn"))).contains("UserApiWebAcl");
        assertThat(text(association.get("ResourceArn")))
                .isEqualTo("arn:aws:apigateway:" + Template.REGION + "::/restapis/<UserApi>/stages/<UserApi.Stage>");
    }

    @Test
    void userPoolSignsInWithGoogleOnly_adminPoolWithEmailAndPasswordCreatedByAdministrators() {
        assertThat(text(template.properties("UserPool").get("UserPoolName"))).isEqualTo("prod-homebiyori-users");
        assertThat(template.properties("UserPoolGoogle")).containsEntry("ProviderType", "Google");
        Map<String, Object> userClient = template.properties("UserPoolClient");
        assertThat(list(userClient.get("SupportedIdentityProviders"))).containsExactly("Google");
        assertThat(reference(userClient.get("UserPoolId"))).contains("UserPool");

        Map<String, Object> adminPool = template.properties("AdminPool");
        assertThat(text(adminPool.get("UserPoolName"))).isEqualTo("prod-homebiyori-admins");
        assertThat(list(adminPool.get("UsernameAttributes"))).containsExactly("email");
        assertThat(map(adminPool.get("AdminCreateUserConfig"))).containsEntry("AllowAdminCreateUserOnly", true);
        assertThat(list(template.properties("AdminPoolClient").get("ExplicitAuthFlows"))).contains("ALLOW_USER_SRP_AUTH");

        // design document: access and ID token 1 hour, refresh token 30 days
        for (String client : List.of("UserPoolClient", "AdminPoolClient")) {
            Map<String, Object> c = template.properties(client);
            assertThat(Arrays.asList(c.get("AccessTokenValidity"), c.get("IdTokenValidity"), c.get("RefreshTokenValidity")))
                    .as(client).containsExactly(1, 1, 30);
            assertThat(map(c.get("TokenValidityUnits"))).as(client)
                    .containsEntry("AccessToken", "hours").containsEntry("IdToken", "hours").containsEntry("RefreshToken", "days");
        }
        // each API's authorizer is the pool of its callers, never the other one
        assertThat(authorizerPool("UserApi", "UserPoolAuthorizer")).isEqualTo("UserPool");
        assertThat(authorizerPool("AdminApi", "AdminPoolAuthorizer")).isEqualTo("AdminPool");
        assertThat(map(map(template.properties("UserApi").get("Auth")).get("Authorizers"))).containsOnlyKeys("UserPoolAuthorizer");
        assertThat(map(map(template.properties("AdminApi").get("Auth")).get("Authorizers"))).containsOnlyKeys("AdminPoolAuthorizer");
    }

    private String authorizerPool(String api, String authorizer) {
        Map<String, Object> authorizers = map(map(template.properties(api).get("Auth")).get("Authorizers"));
        return reference(map(authorizers.get(authorizer)).get("UserPoolArn")).orElseThrow();
    }
}
