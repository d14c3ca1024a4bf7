package org.edgewise.batch;

import java.lang.reflect.InvocationTargetException;

/** Creates the analysis of a batch from its class name, on each executor. */
public final class RunAnalyses {

    private RunAnalyses() {
    }

    /**
     * @param className a {@link RunAnalysis} with a public no-argument constructor
     * @return a new instance
     * @throws IllegalArgumentException if the class is missing or not an analysis
     */
    public static RunAnalysis create(String className) {
        try {
            Class<?> type = Class.forName(className, true, RunAnalyses.class.getClassLoader());
            if (!RunAnalysis.class.isAssignableFrom(type)) {
                throw new IllegalArgumentException(className + " is not a " + RunAnalysis.class.getName());
            }
            return (RunAnalysis) type.getDeclaredConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("no analysis class " + className + " on the class path", e);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("cannot create " + className + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot create " + className + ": " + e, e);
        }
    }
}
