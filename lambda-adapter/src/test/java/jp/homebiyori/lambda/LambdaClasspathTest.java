package jp.homebiyori.lambda;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Lambda form runs CDI and Jersey without Helidon's web server: the server module, and the pods'
 * health endpoints that need it, must stay off the classpath.
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
    }
}
