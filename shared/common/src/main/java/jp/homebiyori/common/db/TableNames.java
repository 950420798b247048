package jp.homebiyori.common.db;

/** Physical table names: {@code {env}-homebiyori-{name}}. */
public record TableNames(String env) {

    public TableNames {
        if (env == null || !env.matches("[a-z0-9][a-z0-9-]{0,30}")) {
            throw new IllegalArgumentException("homebiyori.env must be a short lower-case name, got " + env);
        }
    }

    public String of(Table table) {
        return env + "-homebiyori-" + table.shortName();
    }
}
