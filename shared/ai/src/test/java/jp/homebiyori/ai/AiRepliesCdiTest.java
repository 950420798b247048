package jp.homebiyori.ai;

import io.helidon.microprofile.config.ConfigCdiExtension;
import io.helidon.microprofile.testing.AddBean;
import io.helidon.microprofile.testing.AddConfig;
import io.helidon.microprofile.testing.AddExtension;
import io.helidon.microprofile.testing.DisableDiscovery;
import io.helidon.microprofile.testing.junit5.HelidonTest;
import jakarta.inject.Inject;
import jp.homebiyori.domain.character.AiCharacter;
import jp.homebiyori.domain.character.Mood;
import jp.homebiyori.domain.character.PraiseLevel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The façade as a CDI bean with its configuration, as the chat service will inject it. */
@HelidonTest
@DisableDiscovery
@AddExtension(ConfigCdiExtension.class)
@AddBean(AiReplies.class)
@AddConfig(key = "homebiyori.ai.generator", value = "offline")
class AiRepliesCdiTest {

    @Inject
    AiReplies replies;

    @Test
    void theBeanIsInjectable_andRepliesOffline() {
        AiResult result = replies.reply(AiCharacter.HIDE, Mood.LISTEN, PraiseLevel.NORMAL, "今日は少し寂しかった。", List.of());
        assertThat(result.source()).isEqualTo(ReplySource.OFFLINE);
        assertThat(result.text()).contains("夜");
        assertThat(replies.fallbackCount()).isZero();
    }
}
