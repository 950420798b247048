package jp.homebiyori.common.db;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Pagination tokens signed with {@code homebiyori.pagination.key} (from a secret in AWS). */
@ApplicationScoped
public class PageTokensProducer {

    @Produces
    @jakarta.inject.Singleton
    public PageTokens pageTokens(@ConfigProperty(name = "homebiyori.pagination.key") String key) {
        return new PageTokens(key);
    }
}
