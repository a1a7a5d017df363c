package dev.cofferdam.vm.image;

/**
 * Progress of a long vm operation (image build, boot). Called from the working thread;
 * implementations must be cheap and thread-safe.
 */
@FunctionalInterface
public interface BuildListener {
    BuildListener NONE = (step, done, total) -> { };

    /**
     * @param step what is being done now, short and human-readable
     * @param done steps finished so far
     * @param total steps in all
     */
    void progress(String step, int done, int total);
}
