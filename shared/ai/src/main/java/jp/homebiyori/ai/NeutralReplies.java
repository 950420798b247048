package jp.homebiyori.ai;

import jp.homebiyori.domain.character.AiCharacter;
import jp.homebiyori.domain.character.PraiseLevel;

/**
 * Each character's fixed neutral reply, one per praise level and good for both moods: what is sent when a
 * generated reply failed the {@link ReplyCheck} and so did the offline reply meant to replace it (which
 * the tests make impossible; this is the last line, never a chat error). Thanks and presence only.
 */
final class NeutralReplies {

    private NeutralReplies() {
    }

    static String reply(AiCharacter character, PraiseLevel level) {
        boolean deep = level == PraiseLevel.DEEP;
        return switch (character) {
            case TAMA -> deep
                    ? "話してくれてありがとねぇ。あたしはいつでもここにいるよ。あんたの毎日の話を聞けるのが、あたしの楽しみなんだよ。"
                            + "あんたはそのままで大丈夫だよ。"
                    : "話してくれてありがとねぇ。あんたはそのままで大丈夫だよ。";
            case MADOKA -> deep
                    ? "今日のこと、共有してくれてありがとう。こうして言葉にできるのも、あなたの大事な力だと思う。"
                            + "あなたの感じたことは、どれも大事なものよ。私はいつでもあなたの味方よ。"
                    : "今日のこと、共有してくれてありがとう。私はいつでもあなたの味方よ。";
            case HIDE -> deep
                    ? "言葉を届けてくれて、ありがとう。一日の終わりにこうして語れることも、ひとつの幸いじゃのう。"
                            + "おまえさんの心の声に、わしはいつまでも耳を傾けておるよ。今夜は、わしがそばで静かに聞いておるよ。"
                    : "言葉を届けてくれて、ありがとう。今夜は、わしがそばで静かに聞いておるよ。";
        };
    }
}
