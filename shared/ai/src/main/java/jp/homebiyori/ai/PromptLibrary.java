package jp.homebiyori.ai;

import jp.homebiyori.domain.character.AiCharacter;
import jp.homebiyori.domain.character.Mood;
import jp.homebiyori.domain.character.PraiseLevel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The system prompts, one resource file per character × mood × level
 * ({@code jp/homebiyori/ai/prompts/tama_praise_normal.txt} …). All twelve are loaded and checked when
 * the library is built, so a missing or broken template stops start-up instead of a chat request.
 */
public final class PromptLibrary {

    public static final String RESOURCE_DIR = "jp/homebiyori/ai/prompts/";

    /** Every template must carry the safety contacts of the reply rules. */
    private static final List<String> REQUIRED_IN_EVERY_TEMPLATE = List.of("#8008", "189", "0570-783-556", "110");

    private final Map<String, String> templates;

    private PromptLibrary(Map<String, String> templates) {
        this.templates = Map.copyOf(templates);
    }

    /** Loads the templates from the class path. */
    public static PromptLibrary load() {
        ClassLoader loader = PromptLibrary.class.getClassLoader();
        return load(name -> read(loader, RESOURCE_DIR + name));
    }

    /**
     * Loads the templates through {@code source} (file name → content).
     *
     * @throws IllegalStateException naming every missing or invalid template
     */
    public static PromptLibrary load(Function<String, Optional<String>> source) {
        Map<String, String> templates = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (AiCharacter character : AiCharacter.values()) {
            for (Mood mood : Mood.values()) {
                for (PraiseLevel level : PraiseLevel.values()) {
                    String name = fileName(character, mood, level);
                    Optional<String> text = source.apply(name).map(String::strip);
                    if (text.isEmpty()) {
                        problems.add(name + " is missing");
                    } else {
                        validate(name, text.get(), character, level).ifPresent(problems::add);
                        templates.put(name, text.get());
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("prompt templates are not usable: " + String.join("; ", problems));
        }
        return new PromptLibrary(templates);
    }

    public static String fileName(AiCharacter character, Mood mood, PraiseLevel level) {
        return character.id() + "_" + mood.id() + "_" + level.id() + ".txt";
    }

    /** The system prompt for this character, mood and level. */
    public String systemPrompt(AiCharacter character, Mood mood, PraiseLevel level) {
        return templates.get(fileName(character, mood, level));
    }

    /** How a template states its sentence range, e.g. {@code 2〜3文}. */
    public static String sentenceRange(PraiseLevel level) {
        return level.minSentences() + "〜" + level.maxSentences() + "文";
    }

    private static Optional<String> validate(String name, String text, AiCharacter character, PraiseLevel level) {
        List<String> missing = new ArrayList<>();
        for (String required : List.of(character.displayName(), sentenceRange(level))) {
            if (!text.contains(required)) {
                missing.add(required);
            }
        }
        REQUIRED_IN_EVERY_TEMPLATE.stream().filter(r -> !text.contains(r)).forEach(missing::add);
        return missing.isEmpty() ? Optional.empty() : Optional.of(name + " lacks " + missing);
    }

    private static Optional<String> read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.isBlank() ? Optional.empty() : Optional.of(text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
