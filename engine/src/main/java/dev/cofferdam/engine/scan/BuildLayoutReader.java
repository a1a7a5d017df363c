package dev.cofferdam.engine.scan;

import dev.cofferdam.engine.map.ModuleKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the build layout of a repository: Maven {@code <modules>} (recursively, with custom source
 * directories) and Gradle {@code settings.gradle(.kts)} includes, then the conventional source roots
 * ({@code src/<set>/<language>}) of every module. Stateless and thread-safe.
 */
public final class BuildLayoutReader {
    private static final Logger LOG = LoggerFactory.getLogger(BuildLayoutReader.class);
    private static final Pattern INCLUDE = Pattern.compile("\\binclude\\s*\\(?([^\\n)]*)");
    private static final Pattern QUOTED = Pattern.compile("[\"']([^\"']+)[\"']");
    private static final Pattern ROOT_NAME = Pattern.compile("rootProject\\.name\\s*=\\s*[\"']([^\"']+)[\"']");
    private static final List<String> LANGUAGE_DIRS = List.of("java", "kotlin", "groovy", "scala");

    /**
     * @param root  the repository root
     * @param files the scanned files (to find conventional source roots without touching the disk)
     */
    public BuildLayout read(Path root, List<ScannedFile> files) {
        List<BuildModule> modules = new ArrayList<>();
        List<SourceRoot> roots = new ArrayList<>();
        readMaven(root, modules, roots);
        if (modules.isEmpty()) {
            readGradle(root, modules);
        }
        Set<String> moduleDirs = new HashSet<>();
        modules.forEach(m -> moduleDirs.add(m.path()));
        List<String> testAreas = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ScannedFile file : files) {
            conventionalRoot(file.path(), moduleDirs, roots, testAreas, seen);
        }
        return new BuildLayout(modules, roots, testAreas);
    }

    private void readMaven(Path root, List<BuildModule> modules, List<SourceRoot> roots) {
        Deque<String> pending = new ArrayDeque<>();
        Set<String> done = new HashSet<>();
        pending.add(".");
        while (!pending.isEmpty()) {
            String dir = pending.poll();
            Path pom = ".".equals(dir) ? root.resolve("pom.xml") : root.resolve(dir).resolve("pom.xml");
            if (!done.add(dir) || !Files.isRegularFile(pom)) {
                continue;
            }
            MavenPom parsed;
            try {
                parsed = MavenPom.read(pom);
            } catch (IOException e) {
                LOG.warn("skipping unreadable pom {}: {}", pom, e.getMessage());
                continue;
            }
            String name = parsed.artifactId() != null ? parsed.artifactId() : folderName(root, dir);
            modules.add(new BuildModule(dir, name, ModuleKind.MAVEN));
            if (parsed.sourceDirectory() != null) {
                roots.add(new SourceRoot(normalize(dir, parsed.sourceDirectory()), false));
            }
            if (parsed.testSourceDirectory() != null) {
                roots.add(new SourceRoot(normalize(dir, parsed.testSourceDirectory()), true));
            }
            for (String module : parsed.modules()) {
                String child = normalize(dir, module.endsWith("/pom.xml") ? module.substring(0, module.length() - 8) : module);
                if (!child.startsWith("..")) {
                    pending.add(child);
                }
            }
        }
    }

    private void readGradle(Path root, List<BuildModule> modules) {
        Path settings = root.resolve("settings.gradle.kts");
        if (!Files.isRegularFile(settings)) {
            settings = root.resolve("settings.gradle");
        }
        boolean hasBuild = Files.isRegularFile(root.resolve("build.gradle"))
                || Files.isRegularFile(root.resolve("build.gradle.kts"));
        if (!Files.isRegularFile(settings)) {
            if (hasBuild) {
                modules.add(new BuildModule(".", folderName(root, "."), ModuleKind.GRADLE));
            }
            return;
        }
        String text;
        try {
            text = Files.readString(settings, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("skipping unreadable {}: {}", settings, e.getMessage());
            return;
        }
        Matcher rootName = ROOT_NAME.matcher(text);
        modules.add(new BuildModule(".", rootName.find() ? rootName.group(1) : folderName(root, "."), ModuleKind.GRADLE));
        Matcher include = INCLUDE.matcher(text);
        Set<String> seen = new HashSet<>();
        while (include.find()) {
            Matcher quoted = QUOTED.matcher(include.group(1));
            while (quoted.find()) {
                String project = quoted.group(1);
                String dir = project.replaceFirst("^:", "").replace(':', '/');
                if (!dir.isEmpty() && seen.add(dir)) {
                    modules.add(new BuildModule(dir, project.substring(project.lastIndexOf(':') + 1), ModuleKind.GRADLE));
                }
            }
        }
    }

    /** Finds {@code <module>/src/<set>/<language>/} roots and {@code <module>/src/<test set>} areas. */
    private static void conventionalRoot(String file, Set<String> moduleDirs, List<SourceRoot> roots,
                                         List<String> testAreas, Set<String> seen) {
        int src = file.startsWith("src/") ? 0 : file.indexOf("/src/") + 1;
        if (src < 0 || src == 0 && !file.startsWith("src/")) {
            return;
        }
        String moduleDir = src == 0 ? "." : file.substring(0, src - 1);
        if (!moduleDirs.isEmpty() && !moduleDirs.contains(moduleDir)) {
            return;
        }
        String[] rest = file.substring(src + 4).split("/", 3);
        if (rest.length < 3) {
            return;
        }
        String base = src == 0 ? "src/" : file.substring(0, src) + "src/";
        boolean test = rest[0].toLowerCase(Locale.ROOT).contains("test") || rest[0].equals("it");
        if (test && seen.add("area:" + base + rest[0])) {
            testAreas.add(base + rest[0]);
        }
        if (LANGUAGE_DIRS.contains(rest[1]) && seen.add(base + rest[0] + "/" + rest[1])) {
            roots.add(new SourceRoot(base + rest[0] + "/" + rest[1], test));
        }
    }

    private static String normalize(String dir, String child) {
        Path p = Path.of(".".equals(dir) ? child : dir + "/" + child).normalize();
        String s = p.toString().replace('\\', '/');
        return s.isEmpty() ? "." : s;
    }

    private static String folderName(Path root, String dir) {
        Path p = ".".equals(dir) ? root : root.resolve(dir);
        Path name = p.toAbsolutePath().normalize().getFileName();
        return name == null ? "root" : name.toString();
    }
}
