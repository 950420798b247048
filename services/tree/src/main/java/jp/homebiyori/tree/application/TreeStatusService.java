package jp.homebiyori.tree.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.domain.character.AiCharacter;
import jp.homebiyori.domain.tree.FruitRepository;
import jp.homebiyori.domain.tree.GrowthStages;
import jp.homebiyori.domain.tree.GrowthStagesSource;
import jp.homebiyori.domain.tree.Tree;
import jp.homebiyori.domain.tree.TreeRepository;
import jp.homebiyori.domain.user.UserProfile;
import jp.homebiyori.domain.user.UserRepository;

import java.util.OptionalLong;

/**
 * The tree status: stage from cumulative characters under the {@code tree/growth_thresholds} parameter,
 * theme of the user's character (tama without a profile), the newest five fruits. A user without a
 * tree sees stage 1 and zeros. Read-only: growth is written by the chat use case.
 */
@ApplicationScoped
public class TreeStatusService {

    public static final int RECENT_FRUITS = 5;

    private final TreeRepository trees;
    private final FruitRepository fruits;
    private final UserRepository users;
    private final GrowthStagesSource stages;

    @Inject
    public TreeStatusService(TreeRepository trees, FruitRepository fruits, UserRepository users, GrowthStagesSource stages) {
        this.trees = trees;
        this.fruits = fruits;
        this.users = users;
        this.stages = stages;
    }

    public TreeView status(String userId) {
        Tree tree = trees.findOrEmpty(userId);
        GrowthStages growth = stages.current();
        long total = tree.totalCharacters();
        OptionalLong next = growth.nextThreshold(total);
        AiCharacter character = users.find(userId).map(UserProfile::aiCharacter).orElse(AiCharacter.defaultCharacter());
        return new TreeView(tree, growth.stageFor(total),
                next.isPresent() ? next.getAsLong() : null,
                next.isPresent() ? next.getAsLong() - total : null,
                growth.progressPercent(total), character, fruits.newest(userId, RECENT_FRUITS));
    }
}
