package jp.homebiyori.ai;

import jp.homebiyori.domain.character.AiCharacter;
import jp.homebiyori.domain.character.Mood;
import jp.homebiyori.domain.character.PraiseLevel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The offline generator (every local user's and every Bedrock outage's reply) on the messages parents
 * actually wrote — the evaluation sets' ordinary messages and the emotion set — in every voice, mood and
 * level: each reply passes the reply check, so naming the parent's deed never smuggles in advice, a
 * comparison or a medical word the check refuses.
 */
class OfflineRepliesOnRealMessagesTest {

    @Test
    void everyOfflineReplyToARealMessage_passesTheReplyCheck() throws IOException {
        List<String> messages = new ArrayList<>();
        SafetyEvaluationTest.tuned().stream().filter(e -> e.label().equals("none")).forEach(e -> messages.add(e.message()));
        EmotionEvaluationTest.load().forEach(l -> messages.add(l.message()));
        SafetyCheck safety = new SafetyCheck();
        EmotionAnalyzer emotions = new EmotionAnalyzer();
        OfflineReplyGenerator generator = new OfflineReplyGenerator();
        ReplyCheck check = new ReplyCheck();
        List<String> failures = new ArrayList<>();
        int replies = 0;
        int named = 0;
        for (String message : messages) {
            if (safety.classify(message).isPresent()) {
                continue;   // the safety step answers those; no generator sees them
            }
            for (AiCharacter character : AiCharacter.values()) {
                for (Mood mood : Mood.values()) {
                    for (PraiseLevel level : PraiseLevel.values()) {
                        ReplyRequest request = new ReplyRequest(character, mood, level, message, List.of(), emotions.analyze(message).primary());
                        String reply = generator.generate(request).text();
                        replies++;
                        named += DeedFinder.find(message).isPresent() ? 1 : 0;
                        check.check(reply, mood, level).ifPresent(v -> failures.add(v + " " + character + "/" + mood + "/" + level + ": " + reply));
                    }
                }
            }
        }
        System.out.println("offline replies to real messages: " + replies + " checked, " + named + " naming a deed, " + failures.size() + " refused");
        assertThat(replies).isGreaterThan(3000);
        assertThat(named).as("some replies name what the parent did").isPositive();
        assertThat(failures).isEmpty();
    }
}
