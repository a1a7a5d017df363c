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
 * The workbench's egress relay: every sandbox gets its own listener of the egress proxy on
 * 127.0.0.1, reached through a Unix socket at a fixed path in the sandbox's run directory
 * ({@code egress.sock}), so the guest's connections are decided by the policy and written to the
 * egress log this workbench shows live, and a sandbox re-adopted after a workbench restart is
 * served again. While the workbench is closed nothing answers there: the guest's egress is
 * refused (fail closed). Thread-safe.
 */
final class ProxyRelay implements EgressRelay {
    private record Served(ProxyListener listener, UnixForwarder forwarder) {
    }

    private final EgressRuntime runtime;
    private final Map<String, Served> served = new ConcurrentHashMap<>();

    ProxyRelay(EgressRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public String endpoint(String sandbox, Path runDir) throws IOException {
        release(sandbox);
        ProxyListener l;
        try {
            l = runtime.start(sandbox);
        } catch (EgressProxyException e) {
            throw new IOException("egress proxy for " + sandbox + ": " + e.getMessage(), e);
        }
        try {
            UnixForwarder f = UnixForwarder.start(runDir.resolve("egress.sock"), l.port(), sandbox);
            served.put(sandbox, new Served(l, f));
            return "unix:" + f.socket();
        } catch (IOException e) {
            l.close();
            throw e;
        }
    }

    @Override
    public void release(String sandbox) {
        Served s = served.remove(sandbox);
        if (s != null) {
            s.forwarder().close();
            s.listener().close();
        }
    }

    /** Releases every sandbox (the workbench closes). */
    void releaseAll() {
        served.keySet().forEach(this::release);
    }
}
