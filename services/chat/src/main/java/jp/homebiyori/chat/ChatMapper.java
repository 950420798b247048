package jp.homebiyori.chat;

import jp.homebiyori.ai.AiResult;
import jp.homebiyori.ai.Disclaimer;
import jp.homebiyori.ai.SafetyCategory;
import jp.homebiyori.api.user.model.ChatHistoryItem;
import jp.homebiyori.api.user.model.ChatHistoryPage;
import jp.homebiyori.api.user.model.CharacterReply;
import jp.homebiyori.api.user.model.Emotion;
import jp.homebiyori.api.user.model.EmotionStampResponse;
import jp.homebiyori.api.user.model.FruitSummary;
import jp.homebiyori.api.user.model.Mood;
import jp.homebiyori.api.user.model.PraiseLevel;
import jp.homebiyori.api.user.model.SafetyNotice;
import jp.homebiyori.api.user.model.SendMessageResponse;
import jp.homebiyori.api.user.model.Theme;
import jp.homebiyori.api.user.model.TreeGrowth;
import jp.homebiyori.common.db.Page;
import jp.homebiyori.common.time.JstClock;
import jp.homebiyori.domain.character.AiCharacter;
import jp.homebiyori.domain.chat.ChatMessage;
import jp.homebiyori.domain.tree.Fruit;

import java.time.Instant;
import java.util.List;

/** Between the chat domain and the generated user-API models. */
final class ChatMapper {

    private ChatMapper() {
    }

    static AiCharacter character(jp.homebiyori.api.user.model.AiCharacter api) {
        return api == null ? null : AiCharacter.fromId(api.toString()).orElseThrow();
    }

    static jp.homebiyori.domain.character.PraiseLevel level(PraiseLevel api) {
        return api == null ? null : jp.homebiyori.domain.character.PraiseLevel.fromId(api.toString()).orElseThrow();
    }

    static CharacterReply reply(AiCharacter character, String text) {
        return new CharacterReply()
                .aiCharacter(jp.homebiyori.api.user.model.AiCharacter.fromValue(character.id()))
                .characterName(character.displayName())
                .color(character.color())
                .theme(Theme.fromValue(character.theme()))
                .text(text);
    }

    static SendMessageResponse toResponse(ChatService.Sent sent) {
        ChatMessage chat = sent.chat();
        AiResult first = sent.results().get(0);
        SendMessageResponse response = new SendMessageResponse()
                .messageId(chat.chatId())
                .aiResponse(first.text())
                .aiResponses(chat.replies().stream().map(r -> reply(r.character(), r.text())).toList())
                .emotionIntensity(first.emotion().intensity())
                .fruitGenerated(sent.fruit().isPresent())
                .treeGrowth(new TreeGrowth()
                        .previousStage(sent.previousStage())
                        .currentStage(sent.currentStage())
                        .totalCharacters(sent.tree().totalCharacters())
                        .stageChanged(sent.currentStage() != sent.previousStage()))
                .disclaimer(Disclaimer.TEXT)
                .createdAt(JstClock.toJst(chat.createdAt().toInstant()));
        first.emotion().primary().ifPresent(e -> response.emotionDetected(Emotion.fromValue(e.id())));
        sent.fruit().ifPresent(f -> response.fruit(fruit(f)));
        first.safetyCategory().ifPresent(c -> response.safetyNotice(notice(c)));
        return response;
    }

    static EmotionStampResponse toStampResponse(ChatService.Sent sent, jp.homebiyori.api.user.model.EmotionStamp stamp) {
        ChatMessage chat = sent.chat();
        return new EmotionStampResponse()
                .messageId(chat.chatId())
                .emotion(stamp)
                .aiCharacter(jp.homebiyori.api.user.model.AiCharacter.fromValue(chat.aiCharacter().id()))
                .aiResponse(sent.results().get(0).text())
                .color(chat.aiCharacter().color())
                .disclaimer(Disclaimer.TEXT)
                .createdAt(JstClock.toJst(chat.createdAt().toInstant()));
    }

    static FruitSummary fruit(Fruit f) {
        return new FruitSummary()
                .fruitId(f.fruitId())
                .aiCharacter(jp.homebiyori.api.user.model.AiCharacter.fromValue(f.aiCharacter().id()))
                .detectedEmotion(Emotion.fromValue(f.emotion().id()))
                .fruitColor(f.color())
                .createdAt(JstClock.toJst(f.createdAt().toInstant()))
                .viewed(f.viewed());
    }

    static SafetyNotice notice(SafetyCategory category) {
        return switch (category) {
            case SELF_HARM -> SafetyNotice.SELF_HARM;
            case CHILD_ABUSE -> SafetyNotice.ABUSE;
            case DOMESTIC_VIOLENCE -> SafetyNotice.VIOLENCE;
            case MEDICAL -> SafetyNotice.MEDICAL;
            case DIVORCE_OR_BEREAVEMENT -> SafetyNotice.HEAVY_LIFE_EVENT;
        };
    }

    static ChatHistoryPage toPage(Page<ChatMessage> page) {
        List<ChatHistoryItem> items = page.items().stream().map(ChatMapper::item).toList();
        return new ChatHistoryPage().items(items).nextToken(page.nextToken());
    }

    private static ChatHistoryItem item(ChatMessage m) {
        ChatHistoryItem item = new ChatHistoryItem()
                .chatId(m.chatId())
                .chatType(jp.homebiyori.api.user.model.ChatType.fromValue(m.chatType().id()))
                .userMessage(m.userMessage())
                .aiResponses(m.replies().stream().map(r -> reply(r.character(), r.text())).toList())
                .aiCharacter(jp.homebiyori.api.user.model.AiCharacter.fromValue(m.aiCharacter().id()))
                .mood(Mood.fromValue(m.mood().id()))
                .praiseLevel(PraiseLevel.fromValue(m.praiseLevel().id()))
                .fruitGenerated(m.fruitGenerated())
                .treeStageAtTime(m.treeStageAtTime())
                .disclaimer(Disclaimer.TEXT)
                .createdAt(JstClock.toJst(m.createdAt().toInstant()))
                .expiresAt(JstClock.toJst(Instant.ofEpochSecond(m.ttlEpochSeconds())));
        if (m.detectedEmotion() != null) {
            item.detectedEmotion(Emotion.fromValue(m.detectedEmotion().id()));
        }
        return item;
    }
}
