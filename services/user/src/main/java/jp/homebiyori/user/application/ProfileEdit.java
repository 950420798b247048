package jp.homebiyori.user.application;

import jp.homebiyori.domain.character.AiCharacter;
import jp.homebiyori.domain.character.PraiseLevel;

/** What a user asks to set on their profile; null means "leave as it is". The nickname is still raw. */
public record ProfileEdit(String nickname, AiCharacter aiCharacter, PraiseLevel praiseLevel) {

    public static ProfileEdit nickname(String nickname) {
        return new ProfileEdit(nickname, null, null);
    }

    public boolean isEmpty() {
        return nickname == null && aiCharacter == null && praiseLevel == null;
    }
}
