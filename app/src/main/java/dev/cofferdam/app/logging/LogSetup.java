package dev.cofferdam.app.logging;

import org.slf4j.bridge.SLF4JBridgeHandler;

/** Routes java.util.logging (used by some libraries) into SLF4J, once. Thread-safe. */
public final class LogSetup {
    private static volatile boolean done;

    private LogSetup() {
    }

    public static synchronized void init() {
        if (done) {
            return;
        }
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        done = true;
    }
}
