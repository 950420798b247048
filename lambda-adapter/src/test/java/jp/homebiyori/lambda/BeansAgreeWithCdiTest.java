package jp.homebiyori.lambda;

import io.helidon.microprofile.cdi.HelidonContainer;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.AnnotatedParameter;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.weld.bean.ProducerMethod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Lambda's wiring ({@link Beans}) and the pods' CDI container (Helidon MP, Weld) must build the same
 * object graph from the same annotations: on this test's class path — every service at once, the widest
 * wiring there is — both find the same beans in our packages, and every injection point of every bean
 * resolves to the same bean(s). A bean that only Weld could wire (a qualifier, a generic type, another
 * scope) fails here, or fails {@link Beans} at start-up, rather than wiring differently in AWS.
 */
class BeansAgreeWithCdiTest {

    private static Beans beans;
    private static BeanManager weld;

    @BeforeAll
    static void start() {
        LambdaTestStack.start();
        beans = Backend.beans();
        HelidonContainer.instance();   // Weld's deployment (discovery, beans, injection points); not started
        weld = CDI.current().getBeanManager();
    }

    @Test
    void bothFindTheSameBeanClasses_inOurPackages() {
        Set<String> ours = new TreeSet<>(beans.classes().stream().map(Class::getName).toList());
        Set<String> weldsClasses = new TreeSet<>();
        for (Bean<?> bean : weld.getBeans(Object.class, jakarta.enterprise.inject.Any.Literal.INSTANCE)) {
            Class<?> c = bean.getBeanClass();
            if (c.getName().startsWith("jp.homebiyori.") && !(bean instanceof ProducerMethod<?, ?>)
                    && !Application.class.isAssignableFrom(c)                      // the per-socket Applications only pods add
                    && !jakarta.enterprise.inject.spi.Extension.class.isAssignableFrom(c)) {   // and the pods' extension
                weldsClasses.add(c.getName());
            }
        }
        assertThat(ours).hasSizeGreaterThan(50).isEqualTo(weldsClasses);
    }

    @Test
    void everyInjectionPoint_resolvesToTheSameBeans() {
        int compared = 0;
        for (Class<?> beanClass : beans.classes()) {
            Bean<?> bean = weld.resolve(weld.getBeans(beanClass).stream()
                    .filter(b -> b.getBeanClass() == beanClass && !(b instanceof ProducerMethod<?, ?>))
                    .collect(java.util.stream.Collectors.toSet()));
            Map<String, String> welds = new TreeMap<>();
            for (InjectionPoint ip : bean.getInjectionPoints()) {
                if (ip.getQualifiers().stream().anyMatch(q -> q instanceof ConfigProperty) || ip.getType() == Config.class) {
                    continue;
                }
                Type wanted = ip.getType();
                boolean lazy = wanted instanceof ParameterizedType p && (p.getRawType() == Instance.class || p.getRawType() == jakarta.inject.Provider.class);
                if (lazy) {
                    wanted = ((ParameterizedType) wanted).getActualTypeArguments()[0];
                }
                Set<Bean<?>> candidates = weld.getBeans(wanted);
                if (!lazy) {
                    candidates = Set.of(weld.resolve(candidates));
                }
                String name = ((AnnotatedParameter<?>) ip.getAnnotated()).getJavaParameter().getName();
                welds.put(name + ":" + ((Class<?>) wanted).getName(),
                        candidates.stream().map(BeansAgreeWithCdiTest::describe).sorted().toList().toString());
            }
            assertThat(beans.resolutionOf(beanClass)).as(beanClass.getName()).isEqualTo(welds);
            compared += welds.size();
        }
        assertThat(compared).as("injection points compared").isGreaterThan(100);
    }

    @Test
    void everyBean_livesAsLong_asInWeld() {
        Map<String, Boolean> welds = new TreeMap<>();
        for (Bean<?> bean : weld.getBeans(Object.class, jakarta.enterprise.inject.Any.Literal.INSTANCE)) {
            boolean shared = bean.getScope() == jakarta.enterprise.context.ApplicationScoped.class
                    || bean.getScope() == jakarta.inject.Singleton.class;
            if (bean instanceof ProducerMethod<?, ?> producer) {
                java.lang.reflect.Method m = producer.getAnnotated().getJavaMember();
                if (m.getDeclaringClass().getName().startsWith("jp.homebiyori.")) {
                    welds.put("producer " + m.getDeclaringClass().getName() + "." + m.getName(), shared);
                }
            } else if (bean.getBeanClass().getName().startsWith("jp.homebiyori.") && !Application.class.isAssignableFrom(bean.getBeanClass())
                    && !jakarta.enterprise.inject.spi.Extension.class.isAssignableFrom(bean.getBeanClass())) {
                welds.put(bean.getBeanClass().getName(), shared);
            }
        }
        Map<String, Boolean> ours = beans.lifetimes();

        assertThat(ours).hasSizeGreaterThan(50).isEqualTo(welds);
        assertThat(ours.values()).as("some of each").contains(true, false);
    }

    /** As {@link Beans} names a bean: its class, or for a producer method the type it produces. */
    private static String describe(Bean<?> bean) {
        if (bean instanceof ProducerMethod<?, ?> producer) {
            return producer.getAnnotated().getJavaMember().getReturnType().getName();
        }
        return bean.getBeanClass().getName();
    }

    @Test
    void theFunctionsServeTheResourcesPodsServe() {
        List<String> ours = beans.classes().stream().filter(c -> jp.homebiyori.common.web.ApiKind.ofResource(c).isPresent())
                .map(Class::getName).sorted().toList();
        jp.homebiyori.common.web.ApiResourcesExtension extension = CDI.current().select(jp.homebiyori.common.web.ApiResourcesExtension.class).get();
        List<String> pods = java.util.Arrays.stream(jp.homebiyori.common.web.ApiKind.values())
                .flatMap(k -> extension.resources(k).stream()).map(Class::getName).sorted().toList();
        assertThat(ours).hasSizeGreaterThanOrEqualTo(9).isEqualTo(pods);
    }
}
