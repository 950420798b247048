package jp.homebiyori.tree.api;

import jp.homebiyori.api.user.model.AiCharacter;
import jp.homebiyori.api.user.model.Emotion;
import jp.homebiyori.api.user.model.FruitDetail;
import jp.homebiyori.api.user.model.FruitPage;
import jp.homebiyori.api.user.model.FruitSummary;
import jp.homebiyori.api.user.model.Theme;
import jp.homebiyori.api.user.model.TreeStatus;
import jp.homebiyori.common.db.Page;
import jp.homebiyori.domain.chat.AiDisclaimer;
import jp.homebiyori.domain.tree.Fruit;
import jp.homebiyori.tree.application.TreeView;

/** Between the generated models of the tree operations and the domain's tree and fruits. */
final class TreeMapper {

    private TreeMapper() {
    }

    static jp.homebiyori.domain.character.AiCharacter character(AiCharacter api) {
        return api == null ? null : jp.homebiyori.domain.character.AiCharacter.fromId(api.toString()).orElseThrow();
    }

    static jp.homebiyori.domain.character.Emotion emotion(Emotion api) {
        return api == null ? null : jp.homebiyori.domain.character.Emotion.fromId(api.toString()).orElseThrow();
    }

    static TreeStatus toApi(TreeView view) {
        TreeStatus status = new TreeStatus()
                .currentStage(view.stage())
                .totalCharacters(view.tree().totalCharacters())
                .totalMessages(view.tree().totalMessages())
                .totalFruits(view.tree().totalFruits())
                .themeColor(view.themeCharacter().color())
                .theme(Theme.fromValue(view.themeCharacter().theme()))
                .nextStageThreshold(view.nextStageThreshold())
                .charactersToNextStage(view.charactersToNextStage())
                .progressPercent(view.progressPercent())
                .lastMessageDate(view.tree().lastMessageDate())
                .updatedAt(view.tree().updatedAt());
        view.recentFruits().forEach(f -> status.addRecentFruitsItem(summary(f)));
        return status;
    }

    static FruitPage toApi(Page<Fruit> page) {
        FruitPage result = new FruitPage().nextToken(page.nextToken());
        page.items().forEach(f -> result.addItemsItem(summary(f)));
        return result;
    }

    static FruitSummary summary(Fruit f) {
        return new FruitSummary()
                .fruitId(f.fruitId())
                .aiCharacter(AiCharacter.fromValue(f.aiCharacter().id()))
                .detectedEmotion(Emotion.fromValue(f.emotion().id()))
                .fruitColor(f.color())
                .createdAt(f.createdAt())
                .viewed(f.viewed());
    }

    static FruitDetail detail(Fruit f) {
        return new FruitDetail()
                .fruitId(f.fruitId())
                .userMessage(f.userMessage())
                .aiResponse(f.aiResponse())
                .aiCharacter(AiCharacter.fromValue(f.aiCharacter().id()))
                .characterName(f.aiCharacter().displayName())
                .detectedEmotion(Emotion.fromValue(f.emotion().id()))
                .fruitColor(f.color())
                .disclaimer(AiDisclaimer.TEXT)
                .createdAt(f.createdAt())
                .firstViewedAt(f.firstViewedAt())
                .viewCount(f.viewCount());
    }
}
