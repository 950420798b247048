package jp.homebiyori.lambda;

import java.util.List;

/**
 * For the packaging step: the bean classes a function's class path holds, checked as a function's start
 * checks them (every injection point resolvable, nothing only CDI could wire), to be written into the
 * function's package as {@value Beans#INDEX}. A function then reads that list instead of every class file
 * of its bean archives. Call it from a class loader over exactly the function's class path.
 */
public final class BeanIndex {

    /** Where the list goes in a package (the task root, which is on the function's class path). */
    public static final String RESOURCE = Beans.INDEX;

    private BeanIndex() {
    }

    /** The bean classes {@code loader} sees, by name; throws as a function's start would if they cannot be wired. */
    public static List<String> classNames(ClassLoader loader) {
        List<Class<?>> classes = Beans.discoverClasses(loader);
        Beans.check(classes);
        return classes.stream().map(Class::getName).toList();
    }
}
