package jp.homebiyori.stripe;

import com.stripe.exception.StripeException;
import jp.homebiyori.common.config.InMemoryParameterStore;
import jp.homebiyori.common.config.Parameters;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's command that creates the Customer Portal configuration once per Stripe account and
 * mode (test, live) and prints its id, which then goes into {@code homebiyori.stripe.portal-configuration}
 * (template parameter {@code StripePortalConfiguration}, Helm {@code services.billing-service.config}).
 * Run through {@code ./homebiyori stripe-portal-configuration}; the API key comes from the environment
 * ({@code STRIPE_API_KEY}), never from the command line. Why a command rather than creation on first
 * use: docs/decisions.md ("Customer Portal").
 * <pre>
 *   STRIPE_API_KEY=sk_live_... ./homebiyori stripe-portal-configuration \
 *       --monthly price_... --yearly price_... [--return-url https://homebiyori.jp/billing] [--api-base URL]
 * </pre>
 */
public final class PortalConfigurationCommand {

    private static final String USAGE = "usage: stripe-portal-configuration --monthly PRICE --yearly PRICE"
            + " [--return-url URL] [--api-base URL]   (API key in STRIPE_API_KEY)";

    private PortalConfigurationCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Exit status: 0 created (the id on {@code out}, alone), 1 Stripe refused, 2 bad usage. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.matches("--(monthly|yearly|return-url|api-base)") || i + 1 >= args.length || options.containsKey(name)) {
                err.println(USAGE);
                return 2;
            }
            options.put(name, args[++i]);
        }
        String key = env.get("STRIPE_API_KEY");
        if (!options.containsKey("--monthly") || !options.containsKey("--yearly") || key == null || key.isBlank()) {
            err.println(USAGE);
            return 2;
        }
        StripeGateway stripe = new StripeGateway(new InMemoryParameterStore(Map.of(Parameters.STRIPE_API_KEY, key)),
                Optional.ofNullable(options.get("--api-base")));
        try {
            String id = stripe.createPortalConfiguration(options.get("--monthly"), options.get("--yearly"), options.get("--return-url"));
            out.println(id);
            err.println("Customer Portal configuration " + id + " created: set homebiyori.stripe.portal-configuration to it"
                    + " (template parameter StripePortalConfiguration, Helm services.billing-service.config).");
            return 0;
        } catch (StripeException e) {
            err.println("Stripe refused (" + e.getStatusCode() + " " + e.getCode() + "): " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 1;
        }
    }
}
