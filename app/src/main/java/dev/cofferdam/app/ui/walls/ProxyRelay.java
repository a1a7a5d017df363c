package dev.cofferdam.app.ui.walls;

import dev.cofferdam.vm.egress.EgressProxyException;
import dev.cofferdam.vm.egress.EgressRuntime;
import dev.cofferdam.vm.egress.ProxyListener;
import dev.cofferdam.vm.sandbox.EgressRelay;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The workbench's egress relay: every sandbox it starts gets its own listener of the egress proxy
 * on 127.0.0.1, so the guest's connections are decided by the policy and written to the egress log
 * this workbench shows live. Thread-safe.
 */
final class ProxyRelay implements EgressRelay {
    private final EgressRuntime runtime;
    private final Map<String, ProxyListener> listeners = new ConcurrentHashMap<>();

    ProxyRelay(EgressRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public String endpoint(String sandbox, Path runDir) throws IOException {
        release(sandbox);
        try {
            ProxyListener l = runtime.start(sandbox);
            listeners.put(sandbox, l);
            return "tcp:127.0.0.1:" + l.port();
        } catch (EgressProxyException e) {
            throw new IOException("egress proxy for " + sandbox + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void release(String sandbox) {
        ProxyListener l = listeners.remove(sandbox);
        if (l != null) {
            l.close();
        }
    }
}
