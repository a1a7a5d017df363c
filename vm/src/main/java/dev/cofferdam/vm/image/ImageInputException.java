package dev.cofferdam.vm.image;

/**
 * A template cannot be built because of what the user asked for or what their host lacks (a bad
 * name, a missing image or Dockerfile, no Docker Engine, not root), as opposed to a failure
 * during the build. The message is one line saying what to do.
 */
public class ImageInputException extends ImageException {
    private static final long serialVersionUID = 1L;

    public ImageInputException(String message) {
        super(message);
    }

    public ImageInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
