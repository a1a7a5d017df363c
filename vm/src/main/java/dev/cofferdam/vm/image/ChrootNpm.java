package dev.cofferdam.vm.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the pinned {@link AgentTool}s with {@code npm install -g} inside a root file system
 * being built (chroot), through the host's npm settings: the registry the host's npm uses and
 * the certificates it trusts (its {@code cafile} and {@code NODE_EXTRA_CA_CERTS}) are handed to
 * the chroot's npm for the build only, then removed with npm's cache. Not thread-safe.
 */
final class ChrootNpm {
    /** Where the host's trusted certificates sit inside the root during the build. */
    static final String BUILD_CA = "tmp/cofferdam-build-ca.pem";
    private static final Logger LOG = LoggerFactory.getLogger(ChrootNpm.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path rootfs;
    private final Path work;
    private final List<String> env;

    private ChrootNpm(Path rootfs, Path work, List<String> env) {
        this.rootfs = rootfs;
        this.work = work;
        this.env = env;
    }

    /** Reads the host's npm registry and certificate settings and stages them in the root. */
    static ChrootNpm prepare(Path rootfs, Path work) throws IOException {
        List<String> env = new ArrayList<>(List.of("HOME=/root", "PATH=/usr/local/bin:/usr/bin:/bin",
                "npm_config_update_notifier=false", "npm_config_fund=false", "npm_config_audit=false"));
        hostRegistry().ifPresent(r -> env.add("npm_config_registry=" + r));
        List<Path> cas = new ArrayList<>();
        hostSetting("cafile").map(Path::of).ifPresent(cas::add);
        Optional.ofNullable(System.getenv("NODE_EXTRA_CA_CERTS")).filter(s -> !s.isBlank()).map(Path::of).ifPresent(cas::add);
        if (stageCertificates(rootfs, cas)) {
            env.add("npm_config_cafile=/" + BUILD_CA);
            env.add("NODE_EXTRA_CA_CERTS=/" + BUILD_CA);
        }
        return new ChrootNpm(rootfs, work, env);
    }

    /**
     * Writes {@link #BUILD_CA} in the root: the root's own public roots, then each readable host
     * certificate file, so that naming it as npm's cafile never drops the public ones.
     *
     * @return whether any host file was readable (else nothing is written)
     */
    static boolean stageCertificates(Path rootfs, List<Path> hostCas) throws IOException {
        List<Path> readable = hostCas.stream().filter(Files::isRegularFile).toList();
        if (readable.isEmpty()) {
            return false;
        }
        List<Path> all = new ArrayList<>();
        all.add(rootfs.resolve("etc/ssl/certs/ca-certificates.crt"));
        all.addAll(readable);
        Path bundle = rootfs.resolve(BUILD_CA);
        Files.createDirectories(bundle.getParent());
        Files.deleteIfExists(bundle);
        for (Path ca : all) {
            if (Files.isRegularFile(ca)) {
                Files.write(bundle, Files.readAllBytes(ca), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        }
        return true;
    }

    /**
     * Installs one tool globally and checks it: the installed package has the pinned version and
     * its command answers {@code --version}.
     *
     * @return the installed version
     */
    String install(AgentTool tool) throws ImageException, IOException {
        List<String> cmd = new ArrayList<>(List.of("chroot", rootfs.toString(), "env"));
        cmd.addAll(env);
        cmd.addAll(List.of("npm", "install", "-g", "--no-audit", "--no-fund"));
        if (tool.runsInstallScript()) {
            cmd.add("--allow-scripts=" + tool.pkg());
        }
        cmd.add(tool.spec());
        HostCommand.run(work, 1800, cmd);
        Path manifest = rootfs.resolve("usr/local/lib/node_modules").resolve(tool.pkg()).resolve("package.json");
        String version = Files.isRegularFile(manifest) ? JSON.readTree(manifest.toFile()).path("version").asText() : "";
        if (!version.equals(tool.version())) {
            throw new ImageException("npm installed " + tool.pkg() + " '" + version + "', not the pinned " + tool.version());
        }
        List<String> check = new ArrayList<>(List.of("chroot", rootfs.toString(), "env"));
        check.addAll(env);
        check.addAll(List.of(tool.command(), "--version"));
        String answer = HostCommand.run(work, 300, check).strip();
        LOG.info("installed {} {}: `{} --version` says {}", tool.pkg(), version, tool.command(),
                answer.lines().reduce((a, b) -> b).orElse(""));
        return version;
    }

    /** Installs every tool in order, reporting one step per tool; returns command to version. */
    Map<String, String> installAll(List<AgentTool> tools, BuildListener listener, int firstStep, int total)
            throws ImageException, IOException {
        Map<String, String> versions = new LinkedHashMap<>();
        int step = firstStep;
        for (AgentTool t : tools) {
            listener.progress("npm install -g " + t.spec(), step++, total);
            versions.put(t.command(), install(t));
        }
        return versions;
    }

    /** Removes the staged certificates and npm's download cache from the root. */
    void cleanup() throws IOException {
        Files.deleteIfExists(rootfs.resolve(BUILD_CA));
        ImageStore.deleteTree(rootfs.resolve("root/.npm"));
    }

    private static Optional<String> hostRegistry() {
        String fromEnv = System.getenv("npm_config_registry");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(fromEnv.strip());
        }
        return hostSetting("registry").filter(r -> r.startsWith("http://") || r.startsWith("https://"));
    }

    /** A setting of the host's npm, if it has npm and the setting has a value. */
    private static Optional<String> hostSetting(String key) {
        if (!HostCommand.onPath("npm")) {
            return Optional.empty();
        }
        try {
            String out = HostCommand.run(null, 60, List.of("npm", "config", "get", key)).strip();
            String v = out.lines().reduce((a, b) -> b).orElse("").strip();
            return v.isEmpty() || v.equals("null") || v.equals("undefined") ? Optional.empty() : Optional.of(v);
        } catch (IOException e) {
            LOG.debug("npm config get {} failed on the host: {}", key, e.getMessage());
            return Optional.empty();
        }
    }
}
