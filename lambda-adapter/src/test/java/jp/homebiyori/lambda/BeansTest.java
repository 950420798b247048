package jp.homebiyori.lambda;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What {@link Beans} wires, and what it refuses at start-up instead of wiring differently from CDI. */
class BeansTest {

    static final AtomicInteger MADE = new AtomicInteger();
    static final List<String> EVENTS = new ArrayList<>();

    /** A configuration of exactly {@code values}, from whichever MicroProfile Config implementation is here. */
    private static Config config(Map<String, String> values) {
        return ConfigProviderResolver.instance().getBuilder().withSources(jp.homebiyori.testkit.TestStack.configSourceOf(values)).build();
    }

    private static Beans beans(Map<String, String> values, Class<?>... classes) {
        return Beans.of(List.of(classes), config(values));
    }

    // ------------------------------------------------------------------ fixtures

    public interface Greeter {
        String greet();
    }

    @ApplicationScoped
    public static class Polite implements Greeter {
        public Polite() {
            MADE.incrementAndGet();
        }

        @Override
        public String greet() {
            return "こんにちは";
        }
    }

    @ApplicationScoped
    public static class Casual implements Greeter {
        @Override
        public String greet() {
            return "やあ";
        }
    }

    public record Clock(long millis) {
    }

    @ApplicationScoped
    public static class Producers {
        @Produces
        Clock clock(@ConfigProperty(name = "clock.millis", defaultValue = "42") long millis) {
            EVENTS.add("clock");
            return new Clock(millis);
        }

        @Produces
        @Singleton
        StringBuilder shared() {
            EVENTS.add("shared");
            return new StringBuilder();
        }
    }

    @ApplicationScoped
    public static class Service {
        final Greeter greeter;
        final Clock clock;
        final String region;
        final Optional<String> endpoint;
        final List<String> origins;
        final int limit;
        final boolean enabled;
        final Config config;

        @Inject
        public Service(Greeter greeter, Clock clock,
                       @ConfigProperty(name = "aws.region", defaultValue = "ap-northeast-1") String region,
                       @ConfigProperty(name = "aws.endpoint") Optional<String> endpoint,
                       @ConfigProperty(name = "origins", defaultValue = "a\\,b,c,,d") List<String> origins,
                       @ConfigProperty(name = "limit", defaultValue = "20") int limit,
                       @ConfigProperty(name = "enabled", defaultValue = "false") boolean enabled,
                       Config config) {
            this.greeter = greeter;
            this.clock = clock;
            this.region = region;
            this.endpoint = endpoint;
            this.origins = origins;
            this.limit = limit;
            this.enabled = enabled;
            this.config = config;
        }
    }

    @ApplicationScoped
    public static class Needy {
        final Instance<Greeter> greeters;

        @Inject
        public Needy(Instance<Greeter> greeters) {
            this.greeters = greeters;
        }
    }

    @ApplicationScoped
    public static class Required {
        final String key;

        @Inject
        public Required(@ConfigProperty(name = "required.key") String key) {
            this.key = key;
        }
    }

    @ApplicationScoped
    public static class Closing {
        final Polite polite;

        @Inject
        public Closing(Polite polite) {
            this.polite = polite;
        }

        void started(@Observes @Initialized(ApplicationScoped.class) Object event) {
            EVENTS.add("started");
        }

        @PreDestroy
        void close() {
            EVENTS.add("closed Closing");
        }
    }

    @ApplicationScoped
    public static class OptionalWithDefault {
        final Optional<Integer> withDefault;
        final Optional<Integer> without;

        @Inject
        public OptionalWithDefault(@ConfigProperty(name = "opt.with", defaultValue = "7") Optional<Integer> withDefault,
                                   @ConfigProperty(name = "opt.without") Optional<Integer> without) {
            this.withDefault = withDefault;
            this.without = without;
        }
    }

    public static class BaseClosing {
        @PreDestroy
        void baseClose() {
            EVENTS.add("closed base");
        }
    }

    @ApplicationScoped
    public static class FailingClose extends BaseClosing {
        @PreDestroy
        void close() {
            throw new IllegalStateException("cannot close");
        }
    }

    @ApplicationScoped
    public static class Loop1 {
        @Inject
        public Loop1(Loop2 other) {
        }
    }

    @ApplicationScoped
    public static class Loop2 {
        @Inject
        public Loop2(Loop1 other) {
        }
    }

    /** Produces a {@link Produced} from a bean that itself needs one: a chain through a producer. */
    @ApplicationScoped
    public static class LoopThroughProducer {
        @Inject
        public LoopThroughProducer(NeedsProduced needs) {
        }

        @Produces
        Produced produced() {
            return new Produced();
        }
    }

    public static class Produced {
    }

    @ApplicationScoped
    public static class NeedsProduced {
        @Inject
        public NeedsProduced(Produced produced) {
        }
    }

    @ApplicationScoped
    @jakarta.inject.Named("named")
    public static class NamedBean {
    }

    @ApplicationScoped
    @jakarta.enterprise.inject.Alternative
    public static class AlternativeBean {
    }

    @jakarta.enterprise.inject.Stereotype
    @ApplicationScoped
    @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
    @java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE)
    public @interface Stereotyped {
    }

    @ApplicationScoped
    @Stereotyped
    public static class StereotypedBean {
    }

    @ApplicationScoped
    public static class WithPostConstruct {
        @jakarta.annotation.PostConstruct
        void init() {
        }
    }

    @ApplicationScoped
    public static class InheritsPostConstruct extends WithPostConstruct {
    }

    @ApplicationScoped
    public static class ProducerField {
        @Produces
        Produced produced = new Produced();
    }

    @ApplicationScoped
    public static class QualifiedProducer {
        @Produces
        @jakarta.inject.Named("special")
        Produced produced() {
            return new Produced();
        }
    }

    @ApplicationScoped
    public static class WithDisposer {
        @Produces
        Produced produced() {
            return new Produced();
        }

        void dispose(@jakarta.enterprise.inject.Disposes Produced produced) {
        }
    }

    @RequestScoped
    public static class PerRequest {
    }

    @ApplicationScoped
    public static class FieldInjected {
        @Inject
        Polite polite;
    }

    @ApplicationScoped
    public static class Qualified {
        @Inject
        public Qualified(@Named("x") Polite polite) {
        }
    }

    @ApplicationScoped
    public static class OtherObserver {
        void on(@Observes String event) {
        }
    }

    @ApplicationScoped
    public static class Generic {
        @Inject
        public Generic(List<Polite> all) {
        }
    }

    // ------------------------------------------------------------------ tests

    @Test
    void constructorInjection_withProducersAndConfiguration_asCdiWould() {
        EVENTS.clear();
        Beans beans = beans(Map.of("aws.endpoint", "http://127.0.0.1:9", "limit", "7"),
                Polite.class, Producers.class, Service.class);

        Service service = beans.get(Service.class);

        assertThat(service.greeter).isInstanceOf(Polite.class);
        assertThat(service.clock.millis()).as("producer parameter from its default").isEqualTo(42);
        assertThat(service.region).isEqualTo("ap-northeast-1");
        assertThat(service.endpoint).contains("http://127.0.0.1:9");
        assertThat(service.origins).as("MicroProfile list default: \\, is a comma, empty elements dropped")
                .containsExactly("a,b", "c", "d");
        assertThat(service.limit).isEqualTo(7);
        assertThat(service.enabled).isFalse();
        assertThat(service.config.getValue("limit", Integer.class)).isEqualTo(7);
        assertThat(beans.get(Service.class)).as("application-scoped: one instance").isSameAs(service);
    }

    @Test
    void applicationScopedBeans_areMadeOnFirstUse_once_andDependentProducersOnEveryInjection() {
        MADE.set(0);
        EVENTS.clear();
        Beans beans = beans(Map.of(), Polite.class, Producers.class);
        assertThat(MADE).as("nothing is made at start-up").hasValue(0);

        beans.get(Greeter.class);
        beans.get(Polite.class);
        assertThat(MADE).hasValue(1);

        Clock first = beans.get(Clock.class);
        Clock second = beans.get(Clock.class);
        assertThat(first).isNotSameAs(second);
        assertThat(beans.get(StringBuilder.class)).as("@Singleton producer: once").isSameAs(beans.get(StringBuilder.class));
        assertThat(EVENTS).containsExactly("clock", "clock", "shared");
    }

    @Test
    void instance_isLazy_andSeesEveryBeanOfItsType() {
        MADE.set(0);
        Beans beans = beans(Map.of(), Polite.class, Casual.class, Needy.class);
        Needy needy = beans.get(Needy.class);
        assertThat(MADE).hasValue(0);

        assertThat(needy.greeters.isAmbiguous()).isTrue();
        assertThat(needy.greeters.isResolvable()).isFalse();
        assertThat(needy.greeters.stream().map(Greeter::greet)).containsExactlyInAnyOrder("こんにちは", "やあ");
        assertThatThrownBy(needy.greeters::get).hasMessageContaining("ambiguous dependency");
        assertThatThrownBy(() -> needy.greeters.select(Polite.class)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(beans(Map.of(), Needy.class).get(Needy.class).greeters.isUnsatisfied()).isTrue();
    }

    @Test
    void anUnsatisfiedOrAmbiguousDependency_failsTheStart_namingIt() {
        assertThatThrownBy(() -> beans(Map.of(), Service.class, Producers.class))
                .hasMessageContaining("unsatisfied dependency: no bean of type " + Greeter.class.getName())
                .hasMessageContaining(Service.class.getName());
        assertThatThrownBy(() -> beans(Map.of(), Service.class, Producers.class, Polite.class, Casual.class))
                .hasMessageContaining("ambiguous dependency")
                .hasMessageContaining(Polite.class.getName()).hasMessageContaining(Casual.class.getName());
    }

    @Test
    void aMissingRequiredProperty_failsWhenTheBeanIsMade_namingTheProperty() {
        Beans beans = beans(Map.of(), Required.class);
        assertThatThrownBy(() -> beans.get(Required.class)).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("required.key").hasMessageContaining(Required.class.getName());
        assertThat(beans(Map.of("required.key", "k"), Required.class).get(Required.class).key).isEqualTo("k");
    }

    @Test
    void startupObservers_areCalledOnce_andPreDestroyRunsOnClose_lastMadeFirst() {
        EVENTS.clear();
        Beans beans = beans(Map.of(), Polite.class, Closing.class);
        beans.fireStarted();
        assertThat(EVENTS).containsExactly("started");

        beans.close();
        assertThat(EVENTS).containsExactly("started", "closed Closing");
        beans.close();
        assertThat(EVENTS).as("closed once").hasSize(2);
    }

    @Test
    void anOptionalPropertyWithADefault_isNeverEmpty_asInMicroProfileConfig() {
        OptionalWithDefault bean = beans(Map.of(), OptionalWithDefault.class).get(OptionalWithDefault.class);
        assertThat(bean.withDefault).contains(7);
        assertThat(bean.without).isEmpty();
        assertThat(beans(Map.of("opt.with", "9"), OptionalWithDefault.class).get(OptionalWithDefault.class).withDefault).contains(9);
    }

    @Test
    void aFailingPreDestroy_doesNotKeepTheOthers_norTheInheritedOnes_fromRunning() {
        EVENTS.clear();
        Beans beans = beans(Map.of(), Polite.class, Closing.class, FailingClose.class);
        beans.get(Closing.class);
        beans.get(FailingClose.class);

        beans.close();

        assertThat(EVENTS).containsExactly("closed base", "closed Closing");
    }

    @Test
    void whatCdiWouldWireDifferently_isRefusedAtStart() {
        assertThatThrownBy(() -> beans(Map.of(), Loop1.class, Loop2.class))
                .hasMessageContaining("circular dependency: bean " + Loop1.class.getName())
                .hasMessageContaining(Loop2.class.getName());
        assertThatThrownBy(() -> beans(Map.of(), LoopThroughProducer.class, NeedsProduced.class))
                .hasMessageContaining("circular dependency");
        assertThatThrownBy(() -> Beans.check(List.of(Loop1.class, Loop2.class))).as("the packaging-time check too")
                .hasMessageContaining("circular dependency");
        assertThatThrownBy(() -> beans(Map.of(), PerRequest.class)).hasMessageContaining("@RequestScoped");
        assertThatThrownBy(() -> beans(Map.of(), Polite.class, FieldInjected.class)).hasMessageContaining("field injection");
        assertThatThrownBy(() -> beans(Map.of(), Polite.class, Qualified.class)).hasMessageContaining("qualifier @Named");
        assertThatThrownBy(() -> beans(Map.of(), NamedBean.class)).hasMessageContaining("is @Named");
        assertThatThrownBy(() -> beans(Map.of(), AlternativeBean.class)).hasMessageContaining("is @Alternative");
        assertThatThrownBy(() -> beans(Map.of(), StereotypedBean.class)).hasMessageContaining("is @Stereotyped");
        assertThatThrownBy(() -> beans(Map.of(), WithPostConstruct.class)).hasMessageContaining("@PostConstruct");
        assertThatThrownBy(() -> beans(Map.of(), InheritsPostConstruct.class)).hasMessageContaining("@PostConstruct " + WithPostConstruct.class.getName());
        assertThatThrownBy(() -> beans(Map.of(), ProducerField.class)).hasMessageContaining("producer field");
        assertThatThrownBy(() -> beans(Map.of(), QualifiedProducer.class)).hasMessageContaining("is @Named");
        assertThatThrownBy(() -> beans(Map.of(), WithDisposer.class)).hasMessageContaining("disposer");
        // a package's index was checked when it was built, on the same jars: a start from it does not check again
        assertThat(Beans.indexed(List.of(WithPostConstruct.class), config(Map.of())).classes()).containsExactly(WithPostConstruct.class);
        assertThatThrownBy(() -> beans(Map.of(), OtherObserver.class)).hasMessageContaining("only @Observes @Initialized");
        assertThatThrownBy(() -> beans(Map.of(), Polite.class, Generic.class)).hasMessageContaining("java.util.List<");
    }

    @Test
    void functionsReadTheirConfiguration_withSmallRyeConfig_notHelidons() {
        assertThat(ConfigProviderResolver.instance().getClass().getName()).isEqualTo("io.smallrye.config.SmallRyeConfigProviderResolver");
        assertThatThrownBy(() -> Class.forName("io.helidon.config.mp.MpConfigProviderResolver")).isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void aPackagesIndex_isReadInsteadOfTheArchives_andANameItCannotLoadStopsTheStart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path root)
            throws Exception {
        java.nio.file.Path index = root.resolve(Beans.INDEX);
        java.nio.file.Files.createDirectories(index.getParent());
        java.nio.file.Files.writeString(index, jp.homebiyori.common.web.CorsFilter.class.getName() + "\n");
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[]{root.toUri().toURL()}, BeansTest.class.getClassLoader())) {
            assertThat(Beans.discoverClasses(loader)).as("the index, not the bean archives also visible here")
                    .containsExactly(jp.homebiyori.common.web.CorsFilter.class);
        }
        java.nio.file.Files.writeString(index, "jp.homebiyori.common.web.NoSuchFilter\n");
        try (java.net.URLClassLoader loader = new java.net.URLClassLoader(new java.net.URL[]{root.toUri().toURL()}, BeansTest.class.getClassLoader())) {
            assertThatThrownBy(() -> Beans.discoverClasses(loader)).hasMessageContaining("bean index names jp.homebiyori.common.web.NoSuchFilter");
        }
    }

    @Test
    void theIndexOfAClassPath_isCheckedAsAStartWouldCheckIt() {
        assertThat(BeanIndex.classNames(BeansTest.class.getClassLoader()))
                .contains(jp.homebiyori.common.web.CorsFilter.class.getName(), jp.homebiyori.health.HealthResource.class.getName());
    }

    @Test
    void discovery_findsTheBeanClassesOfTheBeanArchives_only() {
        List<Class<?>> found = Beans.discoverClasses(BeansTest.class.getClassLoader());
        assertThat(found).contains(jp.homebiyori.common.web.CorsFilter.class, jp.homebiyori.common.db.DynamoProducer.class,
                        jp.homebiyori.health.HealthResource.class)
                .as("this test's own classes are in no bean archive").doesNotContain(Polite.class)
                .allSatisfy(c -> assertThat(c.getName()).startsWith("jp.homebiyori."));
    }
}
