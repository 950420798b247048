package jp.homebiyori.lambda;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Lambda form runs Jersey without Helidon's web server: the server module, and the pods'
 * health endpoints that need it, must stay off the classpath. (That the functions' packages hold no CDI
 * container either is checked on the packages, {@code LambdaPackagesIT}: this test's class path has Weld
 * for the agreement test, {@code BeansAgreeWithCdiTest}.)
 */
class LambdaClasspathTest {

    @Test
    void helidonServer_isNotOnTheClasspath() {
        assertThatThrownBy(() -> Class.forName("io.helidon.microprofile.server.ServerCdiExtension"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("io.helidon.webserver.WebServer"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void podHealthEndpoints_areNotOnTheClasspath() {
        assertThatThrownBy(() -> Class.forName("io.helidon.microprofile.health.HealthCdiExtension"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("io.helidon.webserver.observe.health.HealthObserver"))
                .isInstanceOf(ClassNotFoundException.class);
        // the pods' readiness and liveness checks (shared/probes): no function runs them, and Beans would
        // otherwise find bean classes whose MicroProfile Health types are absent
        assertThatThrownBy(() -> Class.forName("jp.homebiyori.probes.DependencyChecks"))
                .isInstanceOf(ClassNotFoundException.class);
    }
}
