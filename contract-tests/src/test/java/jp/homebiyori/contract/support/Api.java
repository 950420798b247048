package jp.homebiyori.contract.support;

/** The three contracts, by their file in {@code openapi/}. */
public enum Api {
    USER("user-api.yaml"),
    ADMIN("admin-api.yaml"),
    INTERNAL("internal-api.yaml");

    private final String file;

    Api(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }
}
