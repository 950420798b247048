package jp.homebiyori.ai;

import jp.homebiyori.domain.character.AiCharacter;

import java.util.Objects;

/**
 * A character as the AI layer sees it: the id, name and colour of {@link AiCharacter} plus its voice.
 *
 * @param voice a short description of how the character speaks (Japanese)
 */
public record CharacterProfile(AiCharacter character, String name, String color, String voice) {

    public CharacterProfile {
        Objects.requireNonNull(character, "character");
    }

    public static CharacterProfile of(AiCharacter character) {
        String voice = switch (character) {
            case TAMA -> "下町のベテランおかん。どんなことも「大丈夫だよ」とまるごと受け止める。一人称は「あたし」。";
            case MADOKA -> "働くママの先輩。論理的に共感し、自己効力感を育てるほめ方をする。一人称は「私」。";
            case HIDE -> "元教師で詩人のおじいさん。夜に寄り添う静かな言葉で、行いより姿勢と人生を照らす。一人称は「わし」。";
        };
        return new CharacterProfile(character, character.displayName(), character.color(), voice);
    }
}
