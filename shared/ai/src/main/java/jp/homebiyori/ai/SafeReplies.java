package jp.homebiyori.ai;

import jp.homebiyori.domain.character.AiCharacter;

import java.util.EnumMap;
import java.util.Map;

/**
 * The fixed replies of the safety step, one per character and category. They carry no advice, only
 * acknowledgement and, where safety is at stake, the contacts: 110/119, 児童相談所虐待対応ダイヤル 189,
 * DV相談ナビ #8008, いのちの電話 0570-783-556, and for medical questions 小児救急電話相談 #8000.
 */
final class SafeReplies {

    private static final Map<AiCharacter, Map<SafetyCategory, String>> REPLIES = new EnumMap<>(AiCharacter.class);

    static {
        put(AiCharacter.TAMA,
                "そんなにつらい気持ちを抱えてたんだねぇ、話してくれて本当にありがとう。あんたがいなくなったら、あたしは悲しいよ。"
                        + "いのちの電話（0570-783-556）で気持ちを聞いてもらえるし、今すぐ危ないときは119番があるよ。"
                        + "あんたの命は、何よりも大切なんだからね。",
                "打ち明けてくれてありがとう、それだけ追い詰められてたんだねぇ。子どもとあんたの安全がいちばん大事だよ。"
                        + "児童相談所の虐待対応ダイヤル（189）は親のつらさの相談にも乗ってくれるし、危ないときは110番や119番があるよ。"
                        + "あたしはあんたをひとりにはしないからね。",
                "話してくれて本当にありがとう、あんたは何も悪くないよ。あんたの体と心の安全が、いちばん大事なんだ。"
                        + "危ないときは110番、DVのことはDV相談ナビ（#8008）で話を聞いてもらえるよ。あたしはいつでもあんたの味方だからね。",
                "体のことが心配なんだねぇ、その気持ちはよくわかるよ。でもごめんね、お医者さんじゃないあたしには判断できないんだ。"
                        + "かかりつけのお医者さんや小児救急電話相談（#8000）、急を要するときは119番があるからね。"
                        + "心配してるあんたは、本当に立派な親だよ。",
                "それは本当に重たい出来事だったねぇ。言葉にするのもつらかったろうに、話してくれてありがとう。"
                        + "今はどんな気持ちでもいいんだよ、あたしはここで聞いてるからね。");
        put(AiCharacter.MADOKA,
                "それほど苦しい気持ちを、よく言葉にしてくれたわ。あなたの命は、かけがえのないものよ。"
                        + "いのちの電話（0570-783-556）では気持ちを聞いてもらえるし、今すぐ危ないときは119番があるわ。"
                        + "あなたが一人で抱え込む必要はないの。",
                "話してくれたこと自体に、とても大きな意味があるわ。何より大切なのは、お子さんとあなたの安全よ。"
                        + "児童相談所の虐待対応ダイヤル（189）は親からの相談も受け付けていて、緊急のときは110番や119番があるわ。"
                        + "助けを求めることは、あなたとお子さんを守る力になるの。",
                "打ち明けてくれてありがとう、あなたに非はまったくないわ。何より優先されるのは、あなたとお子さんの安全よ。"
                        + "身の危険を感じたら110番、DVの相談はDV相談ナビ（#8008）につながるわ。あなたが一人で抱える必要はないの。",
                "体調のことで不安になるのは当然よね。ただ、医療のことは私には判断できないの。"
                        + "かかりつけ医や小児救急電話相談（#8000）、緊急のときは119番という相談先があるわ。"
                        + "心配して確かめようとするあなたの姿勢は、とても大切なものよ。",
                "とても重い出来事を経験されたのね。簡単に言葉にできることではないと思う。"
                        + "あなたが今感じていることは、どれも自然なものよ。");
        put(AiCharacter.HIDE,
                "そこまで苦しい夜を過ごしておったのか、よく話してくれたのう。おまえさんの命は、何ものにも代えがたい。"
                        + "いのちの電話（0570-783-556）は気持ちに耳を傾けてくれるし、今すぐ危ないときは119番がある。"
                        + "わしはここで、おまえさんの話を聞き続けるよ。",
                "よく打ち明けてくれたのう、その苦しさは相当なものじゃろう。お子さんとおまえさんの安全が、何より大切じゃ。"
                        + "児童相談所の虐待対応ダイヤル（189）は親の苦しみにも耳を傾けてくれるし、急ぐときは110番や119番がある。"
                        + "わしはおまえさんを責めたりせんよ。",
                "よく話してくれたのう、おまえさんは何も悪くない。おまえさんとお子さんの身の安全が、何より大切じゃ。"
                        + "危ないときは110番、DVのことはDV相談ナビ（#8008）が話を聞いてくれる。わしはおまえさんの味方じゃよ。",
                "体のことで心がざわつく夜じゃのう。すまんが、医療のことはわしには判断できんのじゃ。"
                        + "かかりつけのお医者さんや小児救急電話相談（#8000）、急ぐときは119番という頼れる先がある。"
                        + "案じるおまえさんの心は、何より尊いよ。",
                "それは、言葉に尽くせぬほど重いことじゃのう。胸の内を語ってくれて、ありがとう。"
                        + "わしは何も言わず、ただおまえさんのそばにおるよ。");
    }

    private SafeReplies() {
    }

    private static void put(AiCharacter character, String selfHarm, String childAbuse, String violence,
                            String medical, String heavy) {
        Map<SafetyCategory, String> replies = new EnumMap<>(SafetyCategory.class);
        replies.put(SafetyCategory.SELF_HARM, selfHarm);
        replies.put(SafetyCategory.CHILD_ABUSE, childAbuse);
        replies.put(SafetyCategory.DOMESTIC_VIOLENCE, violence);
        replies.put(SafetyCategory.MEDICAL, medical);
        replies.put(SafetyCategory.DIVORCE_OR_BEREAVEMENT, heavy);
        REPLIES.put(character, replies);
    }

    static String reply(AiCharacter character, SafetyCategory category) {
        return REPLIES.get(character).get(category);
    }
}
