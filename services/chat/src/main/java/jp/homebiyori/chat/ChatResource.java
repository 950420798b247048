package jp.homebiyori.chat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.api.user.ChatApi;
import jp.homebiyori.api.user.model.AiCharacter;
import jp.homebiyori.api.user.model.ChatHistoryPage;
import jp.homebiyori.api.user.model.EmotionStampRequest;
import jp.homebiyori.api.user.model.EmotionStampResponse;
import jp.homebiyori.api.user.model.MoodSetting;
import jp.homebiyori.api.user.model.SendMessageRequest;
import jp.homebiyori.api.user.model.SendMessageResponse;
import jp.homebiyori.api.user.model.UpdateMoodRequest;
import jp.homebiyori.common.auth.CurrentCaller;
import jp.homebiyori.domain.character.EmotionStamp;
import jp.homebiyori.domain.character.Mood;
import jp.homebiyori.domain.chat.ChatMessage.ChatType;

import java.time.LocalDate;

/** The chat operations: map in, one application call, map out (see {@link ChatMapper}). */
@ApplicationScoped
public class ChatResource implements ChatApi {

    private final ChatService chat;
    private final MoodService moods;
    private final CurrentCaller caller;

    @Inject
    public ChatResource(ChatService chat, MoodService moods, CurrentCaller caller) {
        this.chat = chat;
        this.moods = moods;
        this.caller = caller;
    }

    @Override
    public SendMessageResponse sendMessage(SendMessageRequest request) {
        ChatService.Sent sent = chat.send(caller.userId(), request.getMessage(),
                ChatMapper.character(request.getAiCharacter()),
                request.getMood() == null ? null : Mood.fromId(request.getMood().toString()).orElseThrow(),
                ChatMapper.level(request.getPraiseLevel()),
                request.getChatType() == null ? null : ChatType.fromId(request.getChatType().toString()));
        return ChatMapper.toResponse(sent);
    }

    @Override
    public ChatHistoryPage getChatHistory(Integer limit, String nextToken, AiCharacter aiCharacter,
                                          LocalDate startDate, LocalDate endDate) {
        return ChatMapper.toPage(chat.history(caller.userId(), limit == null ? 20 : limit, nextToken,
                ChatMapper.character(aiCharacter), startDate, endDate));
    }

    @Override
    public MoodSetting updateMood(UpdateMoodRequest request) {
        Mood mood = Mood.fromId(request.getMood().toString()).orElseThrow();
        return new MoodSetting().mood(request.getMood()).updatedAt(moods.set(caller.userId(), mood));
    }

    @Override
    public EmotionStampResponse sendEmotionStamp(EmotionStampRequest request) {
        ChatService.Sent sent = chat.sendStamp(caller.userId(),
                EmotionStamp.fromId(request.getEmotion().toString()).orElseThrow(),
                ChatMapper.character(request.getAiCharacter()));
        return ChatMapper.toStampResponse(sent, request.getEmotion());
    }
}
