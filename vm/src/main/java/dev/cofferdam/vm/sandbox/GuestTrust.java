package dev.cofferdam.vm.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the guest trusts: the system roots plus the Cofferdam interception CA. The CA is written
 * to {@link #CA_FILE}; after each boot the guest concatenates its system bundle (if it has one:
 * the tiny image has none) and the CA into {@link #BUNDLE_FILE}, which the usual variables point
 * at, so intercepted hosts and public ones both verify. Node.js reads only its built-in roots plus
 * {@code NODE_EXTRA_CA_CERTS}, so that one names the CA alone. Stateless.
 */
final class GuestTrust {
    /** The interception CA certificate in the guest. */
    static final String CA_FILE = "/etc/ssl/certs/cofferdam-ca.pem";
    /** System roots plus the CA, rebuilt at every boot. */
    static final String BUNDLE_FILE = "/etc/ssl/certs/cofferdam-bundle.pem";
    /** Debian's bundle of the public roots (package ca-certificates). */
    static final String SYSTEM_BUNDLE = "/etc/ssl/certs/ca-certificates.crt";
    /** Variables read by OpenSSL, Python requests, curl, git and Rust tools (Codex) as the CA bundle. */
    static final List<String> BUNDLE_VARIABLES = List.of("SSL_CERT_FILE", "REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE",
            "GIT_SSL_CAINFO");
    private static final String SCRIPT = "set -e; tmp=\"$3.tmp\"; "
            + "if [ -s \"$1\" ]; then cat \"$1\" \"$2\" > \"$tmp\"; else cat \"$2\" > \"$tmp\"; fi; mv \"$tmp\" \"$3\"";

    private GuestTrust() {
    }

    /** The variables every guest command gets. */
    static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String k : BUNDLE_VARIABLES) {
            env.put(k, BUNDLE_FILE);
        }
        env.put("NODE_EXTRA_CA_CERTS", CA_FILE);
        return env;
    }

    /** The guest command that builds the bundle from the installed CA. */
    static List<String> bundleCommand() {
        return bundleCommand(SYSTEM_BUNDLE, CA_FILE, BUNDLE_FILE);
    }

    /** As {@link #bundleCommand()} with other paths (tests run it on the host). */
    static List<String> bundleCommand(String systemBundle, String ca, String bundle) {
        return List.of("sh", "-c", SCRIPT, "sh", systemBundle, ca, bundle);
    }
}
