package jp.homebiyori.lambda;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.context.NormalScope;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Inject;
import jakarta.inject.Qualifier;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The beans of a function, wired without a CDI container — the Lambda's replacement for Weld, whose
 * start (bean discovery, proxies, validation; about half a second of a 1.5 s cold start, see
 * docs/benchmarks.md) no function needs. Pods keep Helidon MP's CDI; both read the same annotations,
 * and {@code BeansAgreeWithCdiTest} requires that every injection point of every bean resolves here to
 * the bean class Weld resolves it to.
 *
 * <p>What it supports is what this code base uses, and it refuses the rest loudly at start-up rather
 * than wire differently from CDI:
 * <ul>
 *   <li>beans: the classes of bean archives (jars or directories with {@code META-INF/beans.xml}) that
 *       carry a bean-defining annotation — {@code @ApplicationScoped}, {@code @Dependent}, and, as Helidon
 *       adds them, {@code @Path} and {@code @Provider}; other normal scopes are refused;</li>
 *   <li>constructor injection ({@code @Inject} constructor, else the no-argument one); fields and
 *       initializer methods with {@code @Inject} are refused;</li>
 *   <li>producer methods ({@code @Produces}) of those beans, {@code @ApplicationScoped}/{@code @Singleton}
 *       ones made once, others on every injection, as {@code @Dependent} in CDI;</li>
 *   <li>injection points by raw type without qualifiers: one bean must have the type (else the start
 *       fails, as a CDI deployment would); {@code Instance<T>} (lazy, like CDI's); MicroProfile
 *       {@code Config} and {@code @ConfigProperty} ({@code Optional<T>}, {@code List<T>}, {@code defaultValue}) read from
 *       Helidon's MicroProfile Config, the same configuration a pod reads;</li>
 *   <li>observers of {@code @Initialized(ApplicationScoped.class)}, called once after start-up; others refused;</li>
 *   <li>{@code @PreDestroy} of the beans made, in reverse order, on {@link #close()}.</li>
 * </ul>
 * {@code @ApplicationScoped} beans are made on first use and kept (CDI's client proxy is what made them
 * lazy there; here whoever asks first makes them), so an operation's DynamoDB client is built by the
 * first request that needs it, not by the function's init.
 */
final class Beans implements AutoCloseable {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(Beans.class.getName());

    private static final String BEANS_XML = "META-INF/beans.xml";
    /**
     * The bean classes of a function, listed when it is packaged ({@link BeanIndex}): read instead of every
     * class file of every bean archive. Without it (tests, the class path of a build) the archives are read.
     */
    static final String INDEX = "META-INF/homebiyori/beans.idx";
    /** Annotations that make a class of a bean archive a bean (annotated discovery, plus Helidon's two). */
    private static final List<Class<? extends Annotation>> BEAN_DEFINING =
            List.of(ApplicationScoped.class, Dependent.class, Path.class, Provider.class);
    /** Their descriptors, looked for in a class file before the class is loaded. */
    private static final List<byte[]> DESCRIPTORS = Stream.concat(BEAN_DEFINING.stream(), Stream.of(NormalScope.class))
            .map(a -> ("L" + a.getName().replace('.', '/') + ";").getBytes(StandardCharsets.UTF_8))
            .toList();

    /** A way to get an object of some types: a bean class or a producer method. */
    private sealed interface Bean permits ClassBean, ProducerBean {
        Set<Class<?>> types();

        String describe();
    }

    private record ClassBean(Class<?> type, Set<Class<?>> types, boolean shared) implements Bean {
        @Override
        public String describe() {
            return "bean " + type.getName();
        }
    }

    private record ProducerBean(Method method, Set<Class<?>> types, boolean shared) implements Bean {
        @Override
        public String describe() {
            return "producer " + method.getDeclaringClass().getName() + "." + method.getName() + "()";
        }
    }

    private final List<Bean> beans;
    private final Config config;
    private final Map<Bean, Object> shared = new HashMap<>();
    private final Deque<Object> made = new ArrayDeque<>();
    private final Set<Bean> making = new LinkedHashSet<>();
    private final Map<Class<?>, List<Bean>> byType = new java.util.concurrent.ConcurrentHashMap<>();

    private Beans(List<Class<?>> classes, Config config, boolean check) {
        this.config = config;
        List<Bean> found = new ArrayList<>();
        for (Class<?> c : classes) {
            if (check) {
                checkSupported(c);
            }
            found.add(new ClassBean(c, typeClosure(c), c.isAnnotationPresent(ApplicationScoped.class)));
            for (Method m : c.getDeclaredMethods()) {
                if (m.isAnnotationPresent(Produces.class)) {
                    boolean once = m.isAnnotationPresent(ApplicationScoped.class) || m.isAnnotationPresent(Singleton.class);
                    found.add(new ProducerBean(m, typeClosure(m.getReturnType()), once));
                }
            }
        }
        this.beans = List.copyOf(found);
    }

    /**
     * The beans of {@code classes}, every injection point checked: a bean without its dependencies fails
     * here, at start-up, not on the first request that needs it.
     */
    static Beans of(Collection<Class<?>> classes, Config config) {
        Beans beans = new Beans(List.copyOf(classes), config, true);
        beans.validate();
        return beans;
    }

    /**
     * The beans of a package's index: checked when the package was built ({@link BeanIndex}, on the same
     * jars: what each class declares, and every injection point), so not again at every cold start.
     */
    static Beans indexed(Collection<Class<?>> classes, Config config) {
        return new Beans(List.copyOf(classes), config, false);
    }

    /** Checks {@code classes} as {@link #of} does, without configuration (values are read only when beans are made). */
    static void check(Collection<Class<?>> classes) {
        new Beans(List.copyOf(classes), null, true).validate();
    }

    /** The bean classes found (sorted by name). */
    List<Class<?>> classes() {
        return beans.stream().filter(ClassBean.class::isInstance).<Class<?>>map(b -> ((ClassBean) b).type()).toList();
    }

    /** The one bean of {@code type}, made on first use if it is application-scoped. */
    <T> T get(Class<T> type) {
        return type.cast(make(unique(type, "a lookup of " + type.getName())));
    }

    /** Calls every observer of {@code @Initialized(ApplicationScoped.class)}, as a CDI container does when it has started. */
    void fireStarted() {
        for (Bean bean : beans) {
            if (bean instanceof ClassBean cb) {
                for (Method m : startupObservers(cb.type())) {
                    invoke(m, make(bean), new Object[]{new Object()});
                }
            }
        }
    }

    /** {@code @PreDestroy} of every bean made, the last made first. */
    @Override
    public synchronized void close() {
        while (!made.isEmpty()) {
            Object bean = made.pop();
            for (Class<?> c = bean.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
                for (Method m : c.getDeclaredMethods()) {
                    if (m.isAnnotationPresent(PreDestroy.class) && m.getParameterCount() == 0) {
                        try {
                            invoke(m, bean, new Object[0]);
                        } catch (RuntimeException e) {
                            // as CDI: one bean's failing clean-up does not keep the others from theirs
                            LOG.warning("@PreDestroy " + c.getName() + "." + m.getName() + " failed: " + e.getClass().getSimpleName());
                        }
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- resolution

    private synchronized Object make(Bean bean) {
        boolean once = bean instanceof ClassBean cb ? cb.shared() : ((ProducerBean) bean).shared();
        if (once && shared.containsKey(bean)) {
            return shared.get(bean);
        }
        if (!making.add(bean)) {
            throw new IllegalStateException("circular dependency: " + making.stream().map(Bean::describe).toList() + " -> " + bean.describe());
        }
        try {
            Object instance;
            if (bean instanceof ClassBean cb) {
                Constructor<?> constructor = constructorOf(cb.type());
                instance = construct(constructor, arguments(constructor));
                if (once) {
                    made.push(instance);
                }
            } else {
                ProducerBean pb = (ProducerBean) bean;
                Object owner = Modifier.isStatic(pb.method().getModifiers()) ? null : make(declaringBean(pb));
                instance = invoke(pb.method(), owner, arguments(pb.method()));
                if (instance == null) {
                    throw new IllegalStateException(pb.describe() + " produced null");
                }
            }
            if (once) {
                shared.put(bean, instance);
            }
            return instance;
        } finally {
            making.remove(bean);
        }
    }

    /** The bean whose class declares a producer method (CDI calls it on that bean, not on a subclass's). */
    private Bean declaringBean(ProducerBean producer) {
        Class<?> owner = producer.method().getDeclaringClass();
        return beans.stream().filter(b -> b instanceof ClassBean cb && cb.type() == owner).findFirst()
                .orElseThrow(() -> new IllegalStateException(producer.describe() + ": its class is no bean"));
    }

    private Object[] arguments(Executable executable) {
        Parameter[] parameters = executable.getParameters();
        Object[] args = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            args[i] = resolve(parameters[i], executable);
        }
        return args;
    }

    private Object resolve(Parameter parameter, Executable where) {
        Type type = parameter.getParameterizedType();
        ConfigProperty property = parameter.getAnnotation(ConfigProperty.class);
        if (property != null) {
            return configValue(property, type, where);
        }
        if (type == Config.class) {
            return config;
        }
        if (type instanceof ParameterizedType p && (p.getRawType() == Instance.class || p.getRawType() == jakarta.inject.Provider.class)) {
            return new Lazy<>(rawClass(p.getActualTypeArguments()[0], where));
        }
        return make(unique(rawClass(type, where), describe(where)));
    }

    private Object configValue(ConfigProperty property, Type type, Executable where) {
        String name = property.name();
        if (name.isEmpty()) {
            throw new IllegalStateException("@ConfigProperty without a name in " + describe(where));
        }
        if (type instanceof ParameterizedType p && p.getRawType() == Optional.class) {
            Class<?> target = rawClass(p.getActualTypeArguments()[0], where);
            Optional<?> value = config.getOptionalValue(name, target);
            if (value.isPresent() || ConfigProperty.UNCONFIGURED_VALUE.equals(property.defaultValue())) {
                return value;
            }
            // as MicroProfile Config's injection: an Optional with a default is never empty
            return config.getConverter(target).map(c -> c.convert(property.defaultValue()));
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            Class<?> element = rawClass(p.getActualTypeArguments()[0], where);
            Optional<? extends List<?>> values = config.getOptionalValues(name, element);
            if (values.isPresent()) {
                return values.get();
            }
            if (ConfigProperty.UNCONFIGURED_VALUE.equals(property.defaultValue())) {
                throw new java.util.NoSuchElementException("configuration property " + name + " is not set (needed by " + describe(where) + ")");
            }
            var converter = config.getConverter(element)
                    .orElseThrow(() -> new IllegalStateException("no converter to " + element.getName() + " for " + name));
            return listElements(property.defaultValue()).stream().map(converter::convert).toList();
        }
        Class<?> target = boxed(rawClass(type, where));
        Optional<?> value = config.getOptionalValue(name, target);
        if (value.isPresent()) {
            return value.get();
        }
        if (!ConfigProperty.UNCONFIGURED_VALUE.equals(property.defaultValue())) {
            return config.getConverter(target)
                    .orElseThrow(() -> new IllegalStateException("no converter to " + target.getName() + " for " + name))
                    .convert(property.defaultValue());
        }
        throw new java.util.NoSuchElementException("configuration property " + name + " is not set (needed by " + describe(where) + ")");
    }

    /** A default list as MicroProfile Config reads one: comma-separated, {@code \,} for a comma, empty elements dropped. */
    static List<String> listElements(String value) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() && value.charAt(i + 1) == ',') {
                current.append(',');
                i++;
            } else if (c == ',') {
                out.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        out.add(current.toString());
        out.removeIf(String::isEmpty);
        return out;
    }

    private Bean unique(Class<?> type, String where) {
        List<Bean> candidates = candidates(type);
        if (candidates.size() == 1) {
            return candidates.getFirst();
        }
        if (candidates.isEmpty()) {
            throw new IllegalStateException("unsatisfied dependency: no bean of type " + type.getName() + " for " + where);
        }
        throw new IllegalStateException("ambiguous dependency: " + candidates.stream().map(Bean::describe).toList()
                + " all have type " + type.getName() + ", needed by " + where);
    }

    private List<Bean> candidates(Class<?> type) {
        return byType.computeIfAbsent(type, t -> beans.stream().filter(b -> b.types().contains(t)).toList());
    }

    /** Which bean class the injection points of a bean resolve to: what the agreement test compares with Weld's answer. */
    Map<String, String> resolutionOf(Class<?> beanClass) {
        Map<String, String> out = new java.util.TreeMap<>();
        Constructor<?> constructor = constructorOf(beanClass);
        for (Parameter p : constructor.getParameters()) {
            Type type = p.getParameterizedType();
            if (p.isAnnotationPresent(ConfigProperty.class) || type == Config.class) {
                continue;
            }
            boolean lazy = type instanceof ParameterizedType pt && (pt.getRawType() == Instance.class || pt.getRawType() == jakarta.inject.Provider.class);
            Class<?> wanted = lazy ? rawClass(((ParameterizedType) type).getActualTypeArguments()[0], constructor) : rawClass(type, constructor);
            out.put(p.getName() + ":" + wanted.getName(), candidates(wanted).stream().map(Beans::beanClassOf).sorted().toList().toString());
        }
        return out;
    }

    /**
     * Each bean's lifetime, for the agreement test: true if one instance serves the process (application-scoped,
     * or a {@code @Singleton}/{@code @ApplicationScoped} producer), false if each injection gets its own.
     * Keys: a bean class's name, or {@code producer <declaring class>.<method>}.
     */
    Map<String, Boolean> lifetimes() {
        Map<String, Boolean> out = new java.util.TreeMap<>();
        for (Bean bean : beans) {
            if (bean instanceof ClassBean cb) {
                out.put(cb.type().getName(), cb.shared());
            } else {
                ProducerBean pb = (ProducerBean) bean;
                out.put("producer " + pb.method().getDeclaringClass().getName() + "." + pb.method().getName(), pb.shared());
            }
        }
        return out;
    }

    private static String beanClassOf(Bean bean) {
        return bean instanceof ClassBean cb ? cb.type().getName() : ((ProducerBean) bean).method().getReturnType().getName();
    }

    /** Every injection point of every bean resolvable, as CDI validates a deployment. */
    private void validate() {
        for (Bean bean : beans) {
            Executable executable = bean instanceof ClassBean cb ? constructorOf(cb.type()) : ((ProducerBean) bean).method();
            for (Parameter p : executable.getParameters()) {
                checkNoQualifier(p, executable);
                Type type = p.getParameterizedType();
                if (p.isAnnotationPresent(ConfigProperty.class)) {
                    // the shape only: values may legitimately be missing until the bean is made
                    if (type instanceof ParameterizedType pt && (pt.getRawType() == Optional.class || pt.getRawType() == List.class)) {
                        rawClass(pt.getActualTypeArguments()[0], executable);
                    } else {
                        rawClass(type, executable);
                    }
                    continue;
                }
                if (type == Config.class) {
                    continue;
                }
                if (type instanceof ParameterizedType pt && (pt.getRawType() == Instance.class || pt.getRawType() == jakarta.inject.Provider.class)) {
                    rawClass(pt.getActualTypeArguments()[0], executable);
                    continue;
                }
                unique(rawClass(type, executable), describe(executable));
            }
        }
        checkNoCycles();
    }

    /**
     * No bean needs itself through a chain of constructor or producer arguments (or a producer's declaring
     * bean). CDI breaks such a chain with the proxy of a normal-scoped bean; beans made here have no proxies,
     * so the chain could never be made: refused here rather than on the first request that needs it.
     * {@code Instance<T>} and {@code Provider<T>} are looked up later and end no chain.
     */
    private void checkNoCycles() {
        Set<Bean> done = new java.util.HashSet<>();
        for (Bean bean : beans) {
            visit(bean, new java.util.ArrayList<>(), done);
        }
    }

    private void visit(Bean bean, List<Bean> path, Set<Bean> done) {
        if (done.contains(bean)) {
            return;
        }
        int at = path.indexOf(bean);
        if (at >= 0) {
            List<String> chain = new java.util.ArrayList<>(path.subList(at, path.size()).stream().map(Bean::describe).toList());
            chain.add(bean.describe());
            throw new IllegalStateException("circular dependency: " + String.join(" -> ", chain)
                    + " (CDI would break it with a proxy; inject Instance<T> on one side)");
        }
        path.add(bean);
        for (Bean dependency : eagerDependencies(bean)) {
            visit(dependency, path, done);
        }
        path.removeLast();
        done.add(bean);
    }

    /** The beans that must exist before {@code bean} can be made. */
    private List<Bean> eagerDependencies(Bean bean) {
        List<Bean> out = new java.util.ArrayList<>();
        Executable executable;
        if (bean instanceof ClassBean cb) {
            executable = constructorOf(cb.type());
        } else {
            ProducerBean pb = (ProducerBean) bean;
            executable = pb.method();
            if (!Modifier.isStatic(pb.method().getModifiers())) {
                out.add(declaringBean(pb));
            }
        }
        for (Parameter p : executable.getParameters()) {
            Type type = p.getParameterizedType();
            boolean lazy = type instanceof ParameterizedType pt && (pt.getRawType() == Instance.class || pt.getRawType() == jakarta.inject.Provider.class);
            if (!lazy && !p.isAnnotationPresent(ConfigProperty.class) && type != Config.class) {
                out.add(unique(rawClass(type, executable), describe(executable)));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- discovery and checks

    /** The bean classes of the bean archives {@code loader} sees (sorted by name). */
    static List<Class<?>> discoverClasses(ClassLoader loader) {
        Set<String> names = new TreeSet<>();
        try {
            URL index = loader.getResource(INDEX);
            if (index != null) {
                try (InputStream in = index.openStream()) {
                    new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).forEach(names::add);
                }
            } else {
                Enumeration<URL> archives = loader.getResources(BEANS_XML);
                while (archives.hasMoreElements()) {
                    names.addAll(candidateClasses(archives.nextElement()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bean archives", e);
        }
        boolean indexed = loader.getResource(INDEX) != null;
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            Class<?> c;
            try {
                c = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                if (indexed) {
                    throw new IllegalStateException("the package's bean index names " + name + ", which this class path cannot load"
                            + " (a layer of another build?)", e);
                }
                continue;   // an optional dependency's class: CDI skips such classes too
            }
            boolean concrete = !c.isInterface() && !Modifier.isAbstract(c.getModifiers()) && !c.isAnnotation() && !c.isEnum()
                    && !c.isAnonymousClass() && !c.isLocalClass() && (!c.isMemberClass() || Modifier.isStatic(c.getModifiers()));
            if (concrete && isBeanDefined(c)) {
                classes.add(c);
            }
        }
        return classes;
    }

    private static boolean isBeanDefined(Class<?> c) {
        for (Annotation a : c.getAnnotations()) {
            if (BEAN_DEFINING.contains(a.annotationType()) || a.annotationType().isAnnotationPresent(NormalScope.class)) {
                return true;
            }
        }
        return false;
    }

    /** The classes of one archive whose class file names a bean-defining annotation (read, not loaded). */
    private static List<String> candidateClasses(URL beansXml) throws IOException {
        List<String> names = new ArrayList<>();
        if ("jar".equals(beansXml.getProtocol())) {
            JarURLConnection connection = (JarURLConnection) beansXml.openConnection();
            connection.setUseCaches(false);
            java.nio.file.Path jarPath;
            try {
                jarPath = java.nio.file.Path.of(connection.getJarFileURL().toURI());
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
            try (JarFile jar = new JarFile(jarPath.toFile())) {
                Iterator<JarEntry> entries = jar.entries().asIterator();
                while (entries.hasNext()) {
                    JarEntry e = entries.next();
                    if (isClassFile(e.getName())) {
                        try (InputStream in = jar.getInputStream(e)) {
                            if (namesBeanAnnotation(in.readAllBytes())) {
                                names.add(className(e.getName()));
                            }
                        }
                    }
                }
            }
        } else if ("file".equals(beansXml.getProtocol())) {
            java.nio.file.Path root;
            try {
                root = java.nio.file.Path.of(beansXml.toURI()).getParent().getParent();
            } catch (URISyntaxException e) {
                throw new IOException(e);
            }
            try (Stream<java.nio.file.Path> files = Files.walk(root)) {
                for (java.nio.file.Path f : files.filter(Files::isRegularFile).toList()) {
                    String relative = root.relativize(f).toString().replace(java.io.File.separatorChar, '/');
                    if (isClassFile(relative) && namesBeanAnnotation(Files.readAllBytes(f))) {
                        names.add(className(relative));
                    }
                }
            }
        }
        return names;
    }

    private static boolean isClassFile(String name) {
        return name.endsWith(".class") && !name.startsWith("META-INF/") && !name.endsWith("module-info.class")
                && !name.endsWith("package-info.class");
    }

    private static String className(String entry) {
        return entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
    }

    private static boolean namesBeanAnnotation(byte[] classFile) {
        for (byte[] descriptor : DESCRIPTORS) {
            if (indexOf(classFile, descriptor) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** What CDI would honour on a bean and nothing here implements: refused, so that a function never wires it differently. */
    private static final List<Class<? extends Annotation>> UNSUPPORTED_ON_CLASSES = List.of(
            jakarta.enterprise.inject.Alternative.class, jakarta.enterprise.inject.Typed.class,
            jakarta.enterprise.inject.Specializes.class, jakarta.enterprise.inject.Vetoed.class,
            jakarta.decorator.Decorator.class, jakarta.interceptor.Interceptor.class);

    private static void checkSupported(Class<?> c) {
        for (Annotation a : c.getAnnotations()) {
            Class<? extends Annotation> t = a.annotationType();
            if (t != ApplicationScoped.class && t.isAnnotationPresent(NormalScope.class)) {
                throw new IllegalStateException(c.getName() + " is @" + t.getSimpleName() + ": only application-scoped and dependent beans are wired in a Lambda");
            }
            if (UNSUPPORTED_ON_CLASSES.contains(t) || t.isAnnotationPresent(jakarta.enterprise.inject.Stereotype.class)
                    || isQualifier(t)) {
                throw new IllegalStateException(c.getName() + " is @" + t.getSimpleName() + ": not supported in a Lambda");
            }
        }
        for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {   // inherited ones run in CDI too
            for (Method m : k.getDeclaredMethods()) {
                if (m.isAnnotationPresent(jakarta.annotation.PostConstruct.class)) {
                    throw new IllegalStateException("@PostConstruct " + k.getName() + "." + m.getName() + ": do that work in the constructor");
                }
            }
        }
        for (var f : c.getDeclaredFields()) {
            if (f.isAnnotationPresent(Inject.class)) {
                throw new IllegalStateException("field injection in " + c.getName() + "." + f.getName() + ": use constructor injection");
            }
            if (f.isAnnotationPresent(Produces.class)) {
                throw new IllegalStateException("producer field " + c.getName() + "." + f.getName() + ": use a producer method");
            }
        }
        for (Method m : c.getDeclaredMethods()) {
            if (m.isAnnotationPresent(Inject.class)) {
                throw new IllegalStateException("initializer method " + c.getName() + "." + m.getName() + ": use constructor injection");
            }

            if (m.isAnnotationPresent(Produces.class)) {
                for (Annotation a : m.getAnnotations()) {
                    if (isQualifier(a.annotationType()) || a.annotationType().isAnnotationPresent(jakarta.enterprise.inject.Stereotype.class)
                            || UNSUPPORTED_ON_CLASSES.contains(a.annotationType())) {
                        throw new IllegalStateException("producer " + c.getName() + "." + m.getName() + " is @"
                                + a.annotationType().getSimpleName() + ": not supported in a Lambda");
                    }
                }
            }
            for (Parameter p : m.getParameters()) {
                if (p.isAnnotationPresent(jakarta.enterprise.inject.Disposes.class)) {
                    throw new IllegalStateException("disposer " + c.getName() + "." + m.getName() + ": not supported in a Lambda");
                }
                if (p.isAnnotationPresent(Observes.class) && !startupObservers(c).contains(m)) {
                    throw new IllegalStateException("observer " + c.getName() + "." + m.getName()
                            + ": only @Observes @Initialized(ApplicationScoped.class) is delivered in a Lambda");
                }
            }
        }
    }

    private static List<Method> startupObservers(Class<?> c) {
        List<Method> observers = new ArrayList<>();
        for (Method m : c.getDeclaredMethods()) {
            for (Parameter p : m.getParameters()) {
                Initialized initialized = p.getAnnotation(Initialized.class);
                if (p.isAnnotationPresent(Observes.class) && initialized != null && initialized.value() == ApplicationScoped.class) {
                    observers.add(m);
                }
            }
        }
        return observers;
    }

    private static void checkNoQualifier(Parameter p, Executable where) {
        for (Annotation a : p.getAnnotations()) {
            Class<? extends Annotation> t = a.annotationType();
            if (isQualifier(t) && t != ConfigProperty.class) {
                throw new IllegalStateException("qualifier @" + t.getSimpleName() + " in " + describe(where) + " is not supported in a Lambda");
            }
        }
    }

    /** A qualifier other than the two every bean has. */
    private static boolean isQualifier(Class<? extends Annotation> t) {
        return t.isAnnotationPresent(Qualifier.class) && t != Default.class && t != Any.class;
    }

    private static Constructor<?> constructorOf(Class<?> type) {
        Constructor<?> noArgs = null;
        for (Constructor<?> c : type.getDeclaredConstructors()) {
            if (c.isAnnotationPresent(Inject.class)) {
                return c;
            }
            if (c.getParameterCount() == 0) {
                noArgs = c;
            }
        }
        if (noArgs == null) {
            throw new IllegalStateException(type.getName() + " has neither an @Inject constructor nor one without arguments");
        }
        return noArgs;
    }

    private static Set<Class<?>> typeClosure(Class<?> type) {
        Set<Class<?>> types = new LinkedHashSet<>();
        Deque<Class<?>> todo = new ArrayDeque<>(List.of(type.isPrimitive() ? boxed(type) : type));
        while (!todo.isEmpty()) {
            Class<?> t = todo.pop();
            if (t != null && types.add(t)) {
                todo.push(t.getSuperclass() == null ? Object.class : t.getSuperclass());
                todo.addAll(List.of(t.getInterfaces()));
            }
        }
        return Collections.unmodifiableSet(types);
    }

    private static Class<?> rawClass(Type type, Executable where) {
        if (type instanceof Class<?> c) {
            return c;
        }
        throw new IllegalStateException("injection point of type " + type.getTypeName() + " in " + describe(where)
                + ": only raw types, Instance<T>, and for configuration Optional<T> and List<T> are wired in a Lambda");
    }

    private static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return switch (type.getName()) {
            case "boolean" -> Boolean.class;
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "float" -> Float.class;
            case "double" -> Double.class;
            case "short" -> Short.class;
            case "byte" -> Byte.class;
            case "char" -> Character.class;
            default -> throw new IllegalArgumentException(type.getName());
        };
    }

    private static String describe(Executable where) {
        return where.getDeclaringClass().getName() + (where instanceof Constructor<?> ? " (constructor)" : "." + where.getName() + "()");
    }

    private static Object construct(Constructor<?> constructor, Object[] args) {
        try {
            constructor.setAccessible(true);
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw rethrow(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make " + constructor.getDeclaringClass().getName(), e);
        }
    }

    private static Object invoke(Method method, Object target, Object[] args) {
        try {
            method.setAccessible(true);
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw rethrow(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call " + method, e);
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException r) {
            throw r;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(cause);
    }

    /** {@code Instance<T>}: resolved when asked, as CDI's. */
    private final class Lazy<T> implements Instance<T> {
        private final Class<T> type;

        @SuppressWarnings("unchecked")
        Lazy(Class<?> type) {
            this.type = (Class<T>) type;
        }

        @Override
        public T get() {
            return type.cast(make(unique(type, "Instance<" + type.getName() + ">")));
        }

        @Override
        public Iterator<T> iterator() {
            return candidates(type).stream().map(b -> type.cast(make(b))).toList().iterator();
        }

        @Override
        public boolean isUnsatisfied() {
            return candidates(type).isEmpty();
        }

        @Override
        public boolean isAmbiguous() {
            return candidates(type).size() > 1;
        }

        @Override
        public Instance<T> select(Annotation... qualifiers) {
            throw unsupported();
        }

        @Override
        public <U extends T> Instance<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw unsupported();
        }

        @Override
        public <U extends T> Instance<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw unsupported();
        }

        @Override
        public void destroy(T instance) {
            throw unsupported();
        }

        @Override
        public Handle<T> getHandle() {
            throw unsupported();
        }

        @Override
        public Iterable<? extends Handle<T>> handles() {
            throw unsupported();
        }

        private UnsupportedOperationException unsupported() {
            return new UnsupportedOperationException("Instance<" + type.getName() + ">: only get(), iteration and the is…() checks are wired in a Lambda");
        }
    }
}
