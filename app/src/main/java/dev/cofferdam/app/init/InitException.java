package dev.cofferdam.app.init;

/** A file {@code cofferdam init} must not touch as it is (unparsable, half a marker pair); one-line message. */
public final class InitException extends Exception {
    public InitException(String message) {
        super(message);
    }
}
