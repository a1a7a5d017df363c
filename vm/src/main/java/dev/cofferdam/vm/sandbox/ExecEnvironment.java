package dev.cofferdam.vm.sandbox;

import dev.cofferdam.vm.qemu.MachineSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment every guest command starts with: proxy variables (with {@code NO_PROXY} empty,
 * so nothing bypasses the proxy), then the relay's variables (placeholders, CA path), then the
 * request's own variables, which win. Stateless.
 */
final class ExecEnvironment {
    private ExecEnvironment() {
    }

    static Map<String, String> of(ExecRequest req, Map<String, String> egress) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin");
        env.put("HOME", "/root");
        // The egress proxy is the guest's only way out.
        String proxy = "http://" + MachineSpec.EGRESS_ADDRESS + ":" + MachineSpec.EGRESS_PORT;
        for (String k : List.of("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY")) {
            env.put(k, proxy);
        }
        env.put("NO_PROXY", "");
        env.put("no_proxy", "");
        env.putAll(egress);
        if (req.tty().isPresent()) {
            env.put("TERM", "xterm-256color");
        }
        env.putAll(req.env());
        return env;
    }
}
