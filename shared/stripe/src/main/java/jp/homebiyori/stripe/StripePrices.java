package jp.homebiyori.stripe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.homebiyori.domain.subscription.Plan;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/** Which plan a Stripe price is: {@code homebiyori.stripe.price.monthly} and {@code .yearly}. */
@ApplicationScoped
public class StripePrices {

    private final String monthlyPrice;
    private final String yearlyPrice;

    @Inject
    public StripePrices(@ConfigProperty(name = "homebiyori.stripe.price.monthly", defaultValue = "price_monthly_local") String monthlyPrice,
                       @ConfigProperty(name = "homebiyori.stripe.price.yearly", defaultValue = "price_yearly_local") String yearlyPrice) {
        this.monthlyPrice = monthlyPrice;
        this.yearlyPrice = yearlyPrice;
    }

    public Optional<Plan> planOfPrice(String priceId) {
        if (monthlyPrice.equals(priceId)) {
            return Optional.of(Plan.MONTHLY);
        }
        if (yearlyPrice.equals(priceId)) {
            return Optional.of(Plan.YEARLY);
        }
        return Optional.empty();
    }

    public String priceOf(Plan plan) {
        return switch (plan) {
            case MONTHLY -> monthlyPrice;
            case YEARLY -> yearlyPrice;
            case FREE -> throw new IllegalArgumentException("the free plan has no price");
        };
    }
}
