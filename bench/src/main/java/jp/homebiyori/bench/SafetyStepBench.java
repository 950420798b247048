package jp.homebiyori.bench;

import jp.homebiyori.ai.EmotionAnalyzer;
import jp.homebiyori.ai.SafetyCheck;
import jp.homebiyori.ai.Texts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What reading messages as Japanese costs (issue 18): the safety step and the emotion analysis on
 * Kuromoji's morphemes against a baseline in the same run — the step as it was, a list of regular
 * expressions over the normalized text (here: one pattern of the old list's size, ~110 phrases).
 * <ul>
 *   <li><b>first message</b>, in fresh JVMs (forked one after the other, {@code forks} each): JVM start to
 *       the first (ordinary) message analysed — for the Kuromoji step that includes loading its dictionaries and
 *       training the learned model on its 982 messages, which a cold chat-service pays once (on a second thread at
 *       start-up, see AiReplies);</li>
 *   <li><b>per message</b>, warmed up: mean µs over the evaluation set's messages (every label, ~1,200),
 *       {@code rounds} passes.</li>
 * </ul>
 * {@code bench/run-safety.sh [forks=5] [rounds=20]}. Reports only; docs/benchmarks.md §6 has the figures.
 */
public final class SafetyStepBench {

    /** A regex list of the old step's size: the kinds of phrases it had, as one alternation. */
    static final Pattern BASELINE = Pattern.compile(String.join("|", baselinePhrases()));

    private SafetyStepBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--first")) {
            first(args[1]);
            return;
        }
        int forks = intArg(args, "forks", 5);
        int rounds = intArg(args, "rounds", 20);
        System.out.println(Machine.describe());
        System.out.println(Machine.load());
        List<String> messages = messages();
        System.out.println("messages: " + messages.size() + " (the evaluation sets: shared/ai/src/{main,test}/resources/…/safety-*.tsv)");

        List<Long> baselineFirst = new ArrayList<>();
        List<Long> kuromojiFirst = new ArrayList<>();
        for (int i = 0; i < forks; i++) {   // alternating, so both see the same drift of the machine's load
            baselineFirst.add(fork("baseline"));
            kuromojiFirst.add(fork("kuromoji"));
        }
        long b = median(baselineFirst);
        long k = median(kuromojiFirst);
        System.out.printf("first message, JVM start → analysed (median of %d fresh JVMs): baseline %d ms %s, Kuromoji step %d ms %s — ×%.2f, +%d ms%n",
                forks, b, baselineFirst, k, kuromojiFirst, (double) k / b, k - b);

        SafetyCheck safety = new SafetyCheck();
        EmotionAnalyzer emotions = new EmotionAnalyzer();
        long sink = 0;
        for (int warm = 0; warm < 3; warm++) {
            for (String m : messages) {
                sink += BASELINE.matcher(Texts.normalize(m)).find() ? 1 : 0;
                sink += safety.classify(m).isPresent() ? 1 : 0;
                sink += emotions.analyze(m).intensity();
            }
        }
        long baselineNanos = 0;
        long safetyNanos = 0;
        long emotionNanos = 0;
        for (int round = 0; round < rounds; round++) {
            long t0 = System.nanoTime();
            for (String m : messages) {
                sink += BASELINE.matcher(Texts.normalize(m)).find() ? 1 : 0;
            }
            long t1 = System.nanoTime();
            for (String m : messages) {
                sink += safety.classify(m).isPresent() ? 1 : 0;
            }
            long t2 = System.nanoTime();
            for (String m : messages) {
                sink += emotions.analyze(m).intensity();
            }
            long t3 = System.nanoTime();
            baselineNanos += t1 - t0;
            safetyNanos += t2 - t1;
            emotionNanos += t3 - t2;
        }
        double n = (double) rounds * messages.size();
        double base = baselineNanos / n / 1000;
        double safe = safetyNanos / n / 1000;
        double emo = emotionNanos / n / 1000;
        System.out.printf("per message, warm (%d rounds × %d messages): baseline regex list %.1f µs; safety step %.1f µs (×%.1f); "
                + "emotion analysis %.1f µs (×%.1f); both %.1f µs (×%.1f)%n", rounds, messages.size(), base, safe, safe / base, emo, emo / base,
                safe + emo, (safe + emo) / base);
        System.out.println(Machine.load() + " (sink " + (sink % 10) + ")");
    }

    /** In a fresh JVM: from the JVM's start to the first message analysed, printed in ms. */
    private static void first(String which) {
        // an ordinary message (the common case): the rules find nothing, so the learned model is trained too
        String message = "夜泣きで3時間しか寝てないけど、今日は公園まで行けた";
        boolean found;
        if (which.equals("baseline")) {
            found = BASELINE.matcher(Texts.normalize(message)).find();
        } else {
            found = new SafetyCheck().classify(message).isEmpty() & new EmotionAnalyzer().analyze(message).primary().isPresent();
        }
        long ms = System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("FIRST " + ms + " " + found);
    }

    private static long fork(String which) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), SafetyStepBench.class.getName(), "--first", which)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out.lines().filter(l -> l.startsWith("FIRST ")).map(l -> Long.parseLong(l.split(" ")[1])).findFirst()
                .orElseThrow(() -> new IllegalStateException("the forked JVM printed no figure:\n" + out));
    }

    private static List<String> messages() throws IOException {
        Path dir = Path.of(System.getProperty("homebiyori.root", "."), "shared/ai/src/test/resources/evaluation");
        Path tuned = Path.of(System.getProperty("homebiyori.root", "."), "shared/ai/src/main/resources/jp/homebiyori/ai/safety");
        List<String> messages = new ArrayList<>();
        try (Stream<Path> files = Stream.concat(Files.list(dir), Files.list(tuned))) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("safety-")).sorted().toList()) {
                for (String line : Files.readAllLines(f)) {
                    String[] fields = line.split("\t");
                    if (!line.startsWith("#") && fields.length >= 2 && !fields[0].equals("label")) {
                        messages.add(fields[1]);
                    }
                }
            }
        }
        return messages;
    }

    private static List<String> baselinePhrases() {
        List<String> phrases = new ArrayList<>(Arrays.asList("死にたい", "しにたい", "消えたい", "きえたい", "自殺", "自死", "自傷", "リストカット",
                "リスカ", "生きていたくない", "いなくなりたい", "死んでしまいたい", "死のうと", "心中", "一緒に死", "飛び降り", "首を吊", "虐待",
                "ネグレクト", "育児放棄", "手を上げて", "手が出て", "傷つけそう", "\\bdv\\b", "モラハラ", "暴力を振るわれ", "殴られ", "蹴られ",
                "首を絞められ", "殺される", "叩かれ", "怒鳴られ", "脅され", "物を投げられ", "熱が", "発熱", "咳", "鼻水", "嘔吐", "下痢",
                "発疹", "湿疹", "けいれん", "薬", "病気", "症状", "病院", "受診", "小児科", "予防接種", "ワクチン", "診断", "アレルギー",
                "離婚", "別居", "死別", "亡くな", "他界", "葬儀", "葬式", "流産", "死産", "\\bsuicid", "\\bwant to die\\b", "\\bkill myself\\b",
                "\\bchild abuse\\b", "\\bdomestic violence\\b", "\\bfever\\b", "\\bdivorc", "\\bpassed away\\b", "\\bfuneral\\b", "\\bmiscarr"));
        // the old list paired children and partners with verbs: as many more phrases again
        for (String who : List.of("子", "子ども", "息子", "娘", "赤ちゃん", "夫", "旦那", "妻", "彼氏")) {
            for (String verb : List.of("殴", "蹴", "叩いて", "揺さぶ")) {
                phrases.add(who + "[^。!?]{0,6}" + verb);
            }
        }
        return phrases;
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (String a : args) {
            if (a.startsWith(name + "=")) {
                return Integer.parseInt(a.substring(name.length() + 1));
            }
        }
        return fallback;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
