package jp.homebiyori.domain;

import jp.homebiyori.common.db.Table;
import jp.homebiyori.domain.user.UserProfile;
import jp.homebiyori.domain.user.dynamo.DynamoUserRepository;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class UserRepositoryTest {

    private static final DomainTables TABLES = new DomainTables();
    private final DynamoUserRepository users = new DynamoUserRepository(TABLES.dynamo, TABLES.names, TABLES.tokens);
    private final OffsetDateTime now = OffsetDateTime.parse("2026-11-26T12:00:00.000+09:00");

    @Test
    void insertIfAbsent_isTrueForExactlyOneOfConcurrentCallers_andNeverOverwrites() throws Exception {
        String user = "ins-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            int n = i;
            calls.add(() -> users.insertIfAbsent(UserProfile.initial(user, now.plusSeconds(n))));
        }
        long wins = 0;
        for (Future<Boolean> f : pool.invokeAll(calls)) {
            wins += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(wins).isEqualTo(1);
        OffsetDateTime created = users.find(user).orElseThrow().createdAt();
        assertThat(users.insertIfAbsent(UserProfile.initial(user, now.plusDays(1)))).isFalse();
        assertThat(users.find(user).orElseThrow().createdAt()).isEqualTo(created);
    }

    @Test
    void markOnboardingCompleted_isTrueOnlyForTheFirstCompletion_andFalseWithoutProfile() throws Exception {
        String user = "onb-" + UUID.randomUUID();
        assertThat(users.markOnboardingCompleted(user, now)).isFalse();
        assertThat(users.find(user)).isEmpty();

        users.insertIfAbsent(UserProfile.initial(user, now));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            calls.add(() -> users.markOnboardingCompleted(user, now.plusMinutes(1)));
        }
        long wins = 0;
        for (Future<Boolean> f : pool.invokeAll(calls)) {
            wins += f.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(wins).isEqualTo(1);
        UserProfile after = users.find(user).orElseThrow();
        assertThat(after.onboardingCompleted()).isTrue();
        assertThat(after.updatedAt()).isEqualTo(now.plusMinutes(1));
        Map<String, AttributeValue> raw = TABLES.scan(Table.USERS).stream()
                .filter(i -> i.get("PK").s().equals("USER#" + user)).findFirst().orElseThrow();
        assertThat(raw.get("onboarding_completed").bool()).isTrue();
    }

    @Test
    void deleteIfPresent_returnsTheProfileToExactlyOneOfConcurrentCallers() throws Exception {
        String user = "delp-" + UUID.randomUUID();
        String other = "keepp-" + UUID.randomUUID();
        users.insertIfAbsent(UserProfile.initial(user, now));
        users.insertIfAbsent(UserProfile.initial(other, now));
        users.markOnboardingCompleted(user, now);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Callable<java.util.Optional<UserProfile>>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            calls.add(() -> users.deleteIfPresent(user));
        }
        List<UserProfile> deleted = new ArrayList<>();
        for (Future<java.util.Optional<UserProfile>> f : pool.invokeAll(calls)) {
            f.get().ifPresent(deleted::add);
        }
        pool.shutdown();
        assertThat(deleted).hasSize(1);
        assertThat(deleted.get(0).userId()).isEqualTo(user);
        assertThat(deleted.get(0).onboardingCompleted()).isTrue();
        assertThat(users.find(user)).isEmpty();
        assertThat(users.deleteIfPresent(user)).isEmpty();
        assertThat(users.find(other)).isPresent();
    }
}
