package dev.cofferdam.engine.lang.java;

import java.util.Set;

/** The public top-level types of {@code java.lang} (JDK 17 to 21), implicitly imported by every file. */
final class JavaLangTypes {
    static final Set<String> NAMES = Set.of(("AbstractMethodError Appendable ArithmeticException "
            + "ArrayIndexOutOfBoundsException ArrayStoreException AssertionError AutoCloseable Boolean "
            + "BootstrapMethodError Byte Character CharSequence Class ClassCastException ClassCircularityError "
            + "ClassFormatError ClassLoader ClassNotFoundException ClassValue Cloneable CloneNotSupportedException "
            + "Comparable Compiler Deprecated Double Enum EnumConstantNotPresentException Error Exception "
            + "ExceptionInInitializerError Float FunctionalInterface IllegalAccessError IllegalAccessException "
            + "IllegalArgumentException IllegalCallerException IllegalMonitorStateException IllegalStateException "
            + "IllegalThreadStateException IncompatibleClassChangeError IndexOutOfBoundsException "
            + "InheritableThreadLocal InstantiationError InstantiationException Integer InternalError "
            + "InterruptedException Iterable LayerInstantiationException LinkageError Long MatchException Math "
            + "Module ModuleLayer NegativeArraySizeException NoClassDefFoundError NoSuchFieldError "
            + "NoSuchFieldException NoSuchMethodError NoSuchMethodException NullPointerException Number "
            + "NumberFormatException Object OutOfMemoryError Override Package Process ProcessBuilder ProcessHandle "
            + "Readable Record ReflectiveOperationException Runnable Runtime RuntimeException RuntimePermission "
            + "SafeVarargs ScopedValue SecurityException SecurityManager Short StackOverflowError StackTraceElement "
            + "StackWalker StrictMath String StringBuffer StringBuilder StringIndexOutOfBoundsException "
            + "StringTemplate SuppressWarnings System Thread ThreadDeath ThreadGroup ThreadLocal Throwable "
            + "TypeNotPresentException UnknownError UnsatisfiedLinkError UnsupportedClassVersionError "
            + "UnsupportedOperationException VerifyError VirtualMachineError Void WrongThreadException").split(" "));

    private JavaLangTypes() {
    }
}
