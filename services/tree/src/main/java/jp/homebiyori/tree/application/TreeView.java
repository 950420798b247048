package jp.homebiyori.tree.application;

import jp.homebiyori.domain.character.AiCharacter;
import jp.homebiyori.domain.tree.Fruit;
import jp.homebiyori.domain.tree.Tree;

import java.util.List;

/**
 * A user's tree as the status screen shows it: the stored counters, the stage they reach under the
 * current thresholds, the way to the next stage (null at the last), the character whose theme colours
 * the tree, and the newest fruits.
 */
public record TreeView(Tree tree, int stage, Long nextStageThreshold, Long charactersToNextStage,
                       int progressPercent, AiCharacter themeCharacter, List<Fruit> recentFruits) {
}
