package dev.cofferdam.vm.image;

/** A guest image is missing, cannot be built or is damaged. The message is one line for the user. */
public class ImageException extends Exception {
    private static final long serialVersionUID = 1L;

    public ImageException(String message) {
        super(message);
    }

    public ImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
