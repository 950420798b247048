package jp.homebiyori.ai;

import jp.homebiyori.domain.character.AiCharacter;
import jp.homebiyori.domain.character.Emotion;
import jp.homebiyori.domain.character.EmotionStamp;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The empathetic reply to an emotion stamp sent alone: fixed per character and stamp, normal length. */
public final class StampReplies {

    private static final Map<AiCharacter, Map<EmotionStamp, String>> REPLIES = new EnumMap<>(Map.of(
            AiCharacter.TAMA, byStamp(
                    "あらまぁ、いい顔してるねぇ。あんたが嬉しいと、あたしも嬉しいよ。",
                    "しょんぼりしちゃう日もあるよねぇ。大丈夫だよ、あたしがそばにいるからね。",
                    "腹が立つこともあるさ、あんたが真剣に生きてる証拠だよ。その気持ち、あたしがまるごと受け止めるよ。",
                    "そわそわしちゃうんだねぇ。大丈夫だよ、あんたはひとりじゃないよ。",
                    "くたくたなんだねぇ、今日も本当によく頑張ったよ。あんたの頑張りは、あたしがちゃんと知ってるよ。",
                    "困っちゃうこと、あるよねぇ。笑ってるあんたも困ってるあんたも、あたしはまるごと好きだよ。"),
            AiCharacter.MADOKA, byStamp(
                    "いい表情が伝わってきたわ。その嬉しさは、あなたが日々を大切にしている結果よね。",
                    "落ち込む日もあるわよね。その気持ちを伝えてくれたあなたは、ちゃんと自分と向き合えているわ。",
                    "怒りを感じるのは、大切にしたいものがはっきりしているからよね。その感情もあなたの大事な一部よ。",
                    "不安になるのは、それだけ先のことを真剣に考えているからよね。あなたには、これまで乗り越えてきた実績があるわ。",
                    "疲れて当然なくらい、あなたは毎日たくさんのことをこなしているわ。今日をやり切ったこと自体が立派な成果よ。",
                    "思い通りにいかない日もあるわよね。それでも向き合っているあなたの姿勢は、ちゃんと力になっているわ。"),
            AiCharacter.HIDE, byStamp(
                    "よい顔じゃのう、夜の灯りがひとつ増えたようじゃ。その喜びを、わしも静かに分けてもらったよ。",
                    "沈んだ心の夜もあるものじゃ。わしはおまえさんのそばで、静かに耳を傾けておるよ。",
                    "胸に燃えるものがある夜もあるのう。その熱さも、真剣に生きておるおまえさんの一部じゃよ。",
                    "落ち着かぬ夜もあろう。おまえさんの心が穏やかな場所へたどり着けるよう、わしは祈っておるよ。",
                    "くたびれたのう、今日という一日をよく生きた。静かな夜が、おまえさんを包みますように。",
                    "思うようにいかぬのも、人生の味わいのひとつじゃ。困り顔のおまえさんも、わしには愛おしく見えるよ。")));

    /** The reply to {@code stamp} in the character's voice. */
    public String reply(AiCharacter character, EmotionStamp stamp) {
        return REPLIES.get(character).get(stamp);
    }

    private static Map<EmotionStamp, String> byStamp(String happy, String sad, String angry, String anxious,
                                                     String tired, String troubled) {
        Map<EmotionStamp, String> map = new EnumMap<>(EmotionStamp.class);
        map.put(EmotionStamp.HAPPY, happy);
        map.put(EmotionStamp.SAD, sad);
        map.put(EmotionStamp.ANGRY, angry);
        map.put(EmotionStamp.ANXIOUS, anxious);
        map.put(EmotionStamp.TIRED, tired);
        map.put(EmotionStamp.TROUBLED, troubled);
        return map;
    }

    /** The emotion a stamp stands for; 😤 angry has none among the five. */
    public static Optional<Emotion> emotionOf(EmotionStamp stamp) {
        return switch (stamp) {
            case HAPPY -> Optional.of(Emotion.JOY);
            case SAD -> Optional.of(Emotion.SADNESS);
            case ANXIOUS, TROUBLED -> Optional.of(Emotion.WORRY);
            case TIRED -> Optional.of(Emotion.FATIGUE);
            case ANGRY -> Optional.empty();
        };
    }
}
