package jp.homebiyori.domain.character;

import java.util.Arrays;
import java.util.Optional;

/** The three AI characters of domain.md: id, display name, theme and colour. */
public enum AiCharacter {
    TAMA("tama", "たまさん", "warm_pink", "#FFB6C1"),
    MADOKA("madoka", "まどか姉さん", "cool_blue", "#87CEEB"),
    HIDE("hide", "ヒデじい", "warm_orange", "#FFA07A");

    private final String id;
    private final String displayName;
    private final String theme;
    private final String color;

    AiCharacter(String id, String displayName, String theme, String color) {
        this.id = id;
        this.displayName = displayName;
        this.theme = theme;
        this.color = color;
    }

    /** The id used in the APIs and the tables ({@code tama}, {@code madoka}, {@code hide}). */
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** Theme name ({@code warm_pink}, {@code cool_blue}, {@code warm_orange}). */
    public String theme() {
        return theme;
    }

    /** Colour as {@code #RRGGBB}. */
    public String color() {
        return color;
    }

    public static Optional<AiCharacter> fromId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }

    /** The default character of a new user. */
    public static AiCharacter defaultCharacter() {
        return TAMA;
    }
}
