package jp.homebiyori.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.api.admin.model.AdminUserPage;
import jp.homebiyori.api.admin.model.AdminUserSummary;
import jp.homebiyori.api.admin.model.Plan;
import jp.homebiyori.common.db.Page;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.subscription.SubscriptionRepository;
import jp.homebiyori.domain.tree.GrowthStages;
import jp.homebiyori.domain.tree.GrowthStagesSource;
import jp.homebiyori.domain.tree.Tree;
import jp.homebiyori.domain.tree.TreeRepository;
import jp.homebiyori.domain.user.UserProfile;
import jp.homebiyori.domain.user.UserRepository;

import java.time.Instant;

/** The admin's user list: nickname, plan, tree stage and totals — no other personal data. */
@ApplicationScoped
public class AdminUsersService {

    private final UserRepository users;
    private final SubscriptionRepository subscriptions;
    private final TreeRepository trees;
    private final GrowthStagesSource stages;
    private final JstClock clock;

    @Inject
    public AdminUsersService(UserRepository users, SubscriptionRepository subscriptions, TreeRepository trees,
                             GrowthStagesSource stages, JstClock clock) {
        this.users = users;
        this.subscriptions = subscriptions;
        this.trees = trees;
        this.stages = stages;
        this.clock = clock;
    }

    public AdminUserPage page(int limit, String nextToken) {
        Page<UserProfile> page = users.list(limit, nextToken);
        GrowthStages growth = stages.current();
        Instant now = clock.instant();
        AdminUserPage result = new AdminUserPage().nextToken(page.nextToken());
        for (UserProfile profile : page.items()) {
            Tree tree = trees.findOrEmpty(profile.userId());
            result.addItemsItem(new AdminUserSummary()
                    .userId(profile.userId())
                    .nickname(profile.nickname())
                    .currentPlan(Plan.fromValue(subscriptions.findOrFree(profile.userId()).effectivePlan(now).id()))
                    .treeStage(growth.stageFor(tree.totalCharacters()))
                    .totalMessages(tree.totalMessages())
                    .totalCharacters(tree.totalCharacters())
                    .totalFruits(tree.totalFruits())
                    .onboardingCompleted(profile.onboardingCompleted())
                    .createdAt(profile.createdAt()));
        }
        return result;
    }
}
