package dev.cofferdam.vm.sandbox;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where a sandbox's egress connections go. QEMU starts the relay binary for every guest
 * connection to the egress address; the relay dials the endpoint given here. The egress proxy
 * plugs in by returning its per-sandbox listener. Implementations must be thread-safe.
 */
public interface EgressRelay {
    /**
     * Prepares the endpoint of one sandbox and returns it for the relay:
     * {@code unix:/path} or {@code tcp:127.0.0.1:port}. Called at every start.
     *
     * @param sandbox the sandbox name
     * @param runDir  the sandbox's private directory for sockets
     */
    String endpoint(String sandbox, Path runDir) throws IOException;

    /** The sandbox stopped or was removed: release its endpoint. */
    void release(String sandbox);
}
