package jp.homebiyori.common.web;

/** The three APIs of the specs, told apart by the package the generator put the interface in. */
public enum ApiKind {
    USER("jp.homebiyori.api.user"),
    ADMIN("jp.homebiyori.api.admin"),
    INTERNAL("jp.homebiyori.api.internal");

    private final String apiPackage;

    ApiKind(String apiPackage) {
        this.apiPackage = apiPackage;
    }

    public static ApiKind of(Class<?> generatedInterface) {
        String pkg = generatedInterface.getPackageName();
        for (ApiKind kind : values()) {
            if (pkg.equals(kind.apiPackage)) {
                return kind;
            }
        }
        throw new IllegalArgumentException(generatedInterface + " is not a generated API interface");
    }

    /** The API a resource class serves, if it implements a generated interface. */
    public static java.util.Optional<ApiKind> ofResource(Class<?> resourceClass) {
        for (Class<?> c = resourceClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Class<?> candidate : c.getInterfaces()) {
                if (candidate.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                    for (ApiKind kind : values()) {
                        if (candidate.getPackageName().equals(kind.apiPackage)) {
                            return java.util.Optional.of(kind);
                        }
                    }
                }
            }
        }
        return java.util.Optional.empty();
    }
}
