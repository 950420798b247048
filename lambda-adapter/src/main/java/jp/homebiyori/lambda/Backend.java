package jp.homebiyori.lambda;

import com.amazonaws.serverless.proxy.internal.LambdaContainerHandler;
import io.helidon.microprofile.cdi.HelidonContainer;
import jakarta.enterprise.inject.se.SeContainer;
import jp.homebiyori.common.web.ApiApplications;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;

import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/**
 * What every handler of a function shares, built once per cold start: the CDI container (Helidon MP
 * without its web server; config from {@code META-INF/microprofile-config.properties} of the jars here,
 * overridden by environment variables such as {@code HOMEBIYORI_ENV}) and the JAX-RS application of
 * the services whose jars the function ships.
 */
final class Backend {

    private static final Logger LOG = Logger.getLogger(Backend.class.getName());

    private static SeContainer container;

    private Backend() {
    }

    /** The running CDI container, started on first use. */
    static synchronized SeContainer container() {
        if (container == null) {
            long start = System.nanoTime();
            container = HelidonContainer.instance().start();
            LOG.info(() -> "CDI container started in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        }
        return container;
    }

    /** A bean of the running container. */
    static <T> T bean(Class<T> type) {
        return container().select(type).get();
    }

    /**
     * The application every pod serves (all resources found by CDI, the common providers and
     * properties, Jackson without its own exception mappers), for one container handler. Bean Validation
     * stays on: the spec's constraints are enforced here as in a pod.
     */
    static ResourceConfig application() {
        container();
        // JSON is UTF-8; the container's default for bodies without a charset is ISO-8859-1
        LambdaContainerHandler.getContainerConfig().setDefaultContentCharset(StandardCharsets.UTF_8.name());
        return new ResourceConfig()
                .registerClasses(ApiApplications.allClasses())
                .register(JacksonFeature.withoutExceptionMappers())
                .addProperties(ApiApplications.properties());
    }
}
