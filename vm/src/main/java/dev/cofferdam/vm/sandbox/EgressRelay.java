package dev.cofferdam.vm.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where a sandbox's egress connections go. QEMU starts the relay binary for every guest
 * connection to the egress address; the relay dials the endpoint given here. The egress proxy
 * plugs in by returning its per-sandbox listener. Implementations must be thread-safe.
 */
public interface EgressRelay {
    /**
     * Prepares the endpoint of one sandbox and returns it for the relay:
     * {@code unix:/path} or {@code tcp:127.0.0.1:port}. Called at every start and when a running
     * sandbox is re-adopted.
     *
     * @param sandbox the sandbox name
     * @param runDir  the sandbox's private directory for sockets
     */
    String endpoint(String sandbox, Path runDir) throws IOException;

    /** The sandbox stopped or was removed: release its endpoint. */
    void release(String sandbox);

    /**
     * Variables every guest command gets on top of the proxy variables (credential placeholders,
     * the CA bundle path). Never a real secret. Read at every exec, so vault edits apply at once.
     */
    default Map<String, String> guestEnvironment() {
        return Map.of();
    }

    /**
     * @return whether this process serves the sandbox's egress (false when another process that
     *         started or re-adopted it earlier answers its socket, so policy reads are shared but
     *         per-process routes such as host services are not)
     */
    default boolean servesHere(String sandbox) {
        return true;
    }

    /** Files written into the guest after each boot: guest path to content (e.g. the CA certificate). */
    default Map<String, String> guestFiles() {
        return Map.of();
    }

    /**
     * A command run in the guest after {@link #guestFiles()} are written at each boot (e.g. one that
     * builds the CA bundle from them); empty for none.
     */
    default List<String> guestSetup() {
        return List.of();
    }
}
