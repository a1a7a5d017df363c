package dev.cofferdam.app.logging;

import ch.qos.logback.core.PropertyDefinerBase;

/** Gives logback.xml the log file path ({@link LogFiles#logFile()}), so no start-up ordering matters. */
public final class LogFileDefiner extends PropertyDefinerBase {
    @Override
    public String getPropertyValue() {
        return LogFiles.logFile().toString();
    }
}
