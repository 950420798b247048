package jp.homebiyori.lambda;

import com.amazonaws.serverless.proxy.internal.LambdaContainerHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import jakarta.validation.ValidatorFactory;
import jp.homebiyori.common.web.ApiApplications;
import jp.homebiyori.common.web.ApiKind;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.glassfish.jersey.server.ResourceConfig;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Logger;

/**
 * What every handler of a function shares, built once per cold start: the function's beans, wired
 * without a CDI container ({@link Beans}: the same annotations and configuration as a pod — config from
 * {@code META-INF/microprofile-config.properties} of the jars here, overridden by environment variables
 * such as {@code HOMEBIYORI_ENV} — without Weld's start-up), and the JAX-RS application of the services
 * whose jars the function ships.
 */
final class Backend {

    private static final Logger LOG = Logger.getLogger(Backend.class.getName());

    private static Beans beans;
    private static Preinitializer.Shared<Void> resourcesMade;
    /** The rank of a binding that replaces one of Jersey's (theirs are unranked: 0). */
    static final int PREINITIALIZED = 100;

    static {
        // logging.properties (JSON lines) as a Helidon container would apply it, before anything logs
        io.helidon.logging.common.LogConfig.initClass();
    }

    private Backend() {
    }

    /** The function's beans, discovered and checked on first use; start-up observers called. */
    static synchronized Beans beans() {
        if (beans == null) {
            ClassLoader loader = Backend.class.getClassLoader();
            long start = System.nanoTime();
            List<Class<?>> classes = Beans.discoverClasses(loader);
            long discovered = System.nanoTime();
            // the thread's class loader, as every other reader of the configuration (ConfigProvider.getConfig()):
            // MicroProfile Config keeps one configuration per class loader, and the runtime's loader is not ours
            Config config = ConfigProvider.getConfig();
            long configured = System.nanoTime();
            boolean indexed = loader.getResource(BeanIndex.RESOURCE) != null;
            Beans found = indexed ? Beans.indexed(classes, config) : Beans.of(classes, config);
            try {
                found.fireStarted();
            } catch (RuntimeException | Error e) {
                found.close();   // what the observers started (a polling thread) does not outlive the failed start
                throw e;
            }
            long end = System.nanoTime();
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("homebiyori-beans-close").unstarted(found::close));
            beans = found;
            String from = indexed ? " from the package's index" : " in the bean archives";
            LOG.info(() -> "Beans wired in " + ms(end - start) + " ms (" + classes.size() + " bean classes found" + from + " in "
                    + ms(discovered - start) + " ms, configuration read in " + ms(configured - discovered) + (indexed ? " ms, started (checked when packaged) in " : " ms, checked and started in ")
                    + ms(end - configured) + " ms)");
        }
        return beans;
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    /** A bean of the function. */
    static <T> T bean(Class<T> type) {
        return beans().get(type);
    }

    /**
     * The application a pod serves for the same services: every resource found among the beans (made by
     * {@link Beans} on its first request, as CDI's proxies made them), the common providers (the
     * application-scoped ones as the beans, the others made by Jersey), the common properties, Jackson
     * without its own exception mappers. Bean Validation as in a pod unless configured off.
     */
    static ResourceConfig application() {
        // Bean Validation's bootstrap started now, on the second thread beside the beans' wiring; Jersey is given it below
        Preinitializer.Shared<Preinitializer.BeanValidation> validation =
                ApiApplications.beanValidationEnabled() ? Preinitializer.validation() : null;
        Beans wired = beans();
        // JSON is UTF-8; the container's default for bodies without a charset is ISO-8859-1
        LambdaContainerHandler.getContainerConfig().setDefaultContentCharset(StandardCharsets.UTF_8.name());
        ResourceConfig config = new ResourceConfig()
                .register(JacksonFeature.withoutExceptionMappers())
                .addProperties(ApiApplications.properties());
        List<Class<?>> resources = wired.classes().stream().filter(c -> ApiKind.ofResource(c).isPresent()).toList();
        config.registerClasses(resources.toArray(Class<?>[]::new));
        config.register(new AbstractBinder() {
            @Override
            protected void configure() {
                resources.forEach(resource -> bindLazily(this, wired, resource));
            }
        });
        if (validation != null) {
            // Jersey is given that configuration and factory instead of its own binding's (ranked above it), otherwise the same
            config.register(new AbstractBinder() {
                @Override
                protected void configure() {
                    bindFactory(() -> validation.get().configuration()).to(jakarta.validation.Configuration.class)
                            .in(Singleton.class).ranked(PREINITIALIZED);
                    bindFactory(() -> validation.get().factory()).to(ValidatorFactory.class).in(Singleton.class).ranked(PREINITIALIZED);
                }
            });
        }
        for (Class<?> provider : ApiApplications.COMMON_PROVIDERS) {
            if (provider.isAnnotationPresent(ApplicationScoped.class)) {
                config.register(wired.get(provider));
            } else {
                config.register(provider);
            }
        }
        // the first request needs its resource's object graph (Jersey asks for it while routing): made beside Jersey's start
        synchronized (Backend.class) {
            if (resourcesMade == null) {
                resourcesMade = Preinitializer.share("the resources", () -> {
                    resources.forEach(wired::get);
                    return null;
                });
            }
        }
        return config;
    }

    /**
     * Waits for the resources' object graphs (made on the init's second thread, or here if it has not started
     * them): a resource that cannot be made — a configuration value missing, say — fails the init, as a pod's
     * start fails, instead of every request to it.
     */
    static void ready() {
        Preinitializer.Shared<Void> made;
        synchronized (Backend.class) {
            made = resourcesMade;
        }
        if (made != null) {
            made.get();
        }
    }

    /**
     * Without the container's own access log: the common layer's request log already writes one line per
     * request (no address, no user agent); the container's would add a second, with the caller's IP address
     * and user agent, formatted on every request.
     */
    static <H extends LambdaContainerHandler<?, ?, ?, ?>> H quiet(H handler) {
        handler.setLogFormatter(null);
        return handler;
    }

    /** Jersey asks its injection manager for a resource before it makes one itself: the bean, made once on first use. */
    private static <T> void bindLazily(AbstractBinder binder, Beans wired, Class<T> resource) {
        binder.bindFactory(() -> wired.get(resource)).to(resource).in(Singleton.class);
    }
}
