package dev.cofferdam.vm.image.oci;

import dev.cofferdam.vm.image.ImageInputException;
import java.util.List;

/** A Dockerfile did not build; carries the last lines of the build log. */
public final class DockerBuildException extends ImageInputException {
    private static final long serialVersionUID = 1L;
    private final List<String> logTail;

    public DockerBuildException(String message, List<String> logTail, Throwable cause) {
        super(message, cause);
        this.logTail = List.copyOf(logTail);
    }

    /** The last lines the build printed, oldest first. */
    public List<String> logTail() {
        return logTail;
    }
}
