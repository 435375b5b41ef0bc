package org.mercato.agents;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.function.Supplier;
import org.mercato.agents.base.PolicyParams;

/**
 * Policies named by class: a scenario's {@code policy: com.example.MyShopper}. The class must be on
 * the classpath, implement the role's policy interface, and have a public constructor taking
 * {@link PolicyParams} (preferred) or none; with no-argument construction it takes no parameters.
 * One instance is made up front, so parameter errors surface when the scenario is checked.
 */
final class PolicyClasses {
    private PolicyClasses() {}

    /** Whether {@code name} looks like a class name rather than a short policy name. */
    static boolean isClassName(String name) {
        return name != null && name.indexOf('.') > 0 && !name.endsWith(".");
    }

    static <P> Supplier<P> load(String role, String name, Class<P> type, Map<String, ?> params) {
        Class<?> found;
        try {
            found = Class.forName(name, true, loader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new UnknownPolicyException(role + " policy class '" + name + "' not found on the classpath");
        }
        if (!type.isAssignableFrom(found)) {
            throw new UnknownPolicyException("class '" + name + "' is not " + (role.startsWith("a") ? "an " : "a ")
                    + role + " policy: it does not implement " + type.getName());
        }
        if (!Modifier.isPublic(found.getModifiers()) || Modifier.isAbstract(found.getModifiers())) {
            throw new UnknownPolicyException(
                    "policy class '" + name + "' must be public and concrete to be instantiated");
        }
        Class<? extends P> policyClass = found.asSubclass(type);
        PolicyParams policyParams = new PolicyParams(name, params);
        Constructor<? extends P> withParams = constructor(policyClass, PolicyParams.class);
        if (withParams != null) {
            Supplier<P> supplier = () -> instantiate(withParams, name, policyParams);
            supplier.get();
            return supplier;
        }
        Constructor<? extends P> noArgs = constructor(policyClass);
        if (noArgs == null) {
            throw new UnknownPolicyException("policy class '" + name
                    + "' has no usable constructor: it needs a public one taking PolicyParams or no arguments");
        }
        policyParams.allowOnly();
        Supplier<P> supplier = () -> instantiate(noArgs, name);
        supplier.get();
        return supplier;
    }

    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : PolicyClasses.class.getClassLoader();
    }

    private static <P> Constructor<? extends P> constructor(Class<? extends P> type, Class<?>... parameters) {
        try {
            return type.getConstructor(parameters);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static <P> P instantiate(Constructor<? extends P> constructor, String name, Object... args) {
        try {
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalArgumentException("policy class '" + name + "' failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("policy class '" + name + "' cannot be instantiated: " + e, e);
        }
    }
}
