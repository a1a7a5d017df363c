package dev.cofferdam.engine.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The third-party jars that the build copies into {@code engine/target/corpora} (see the
 * maven-dependency-plugin execution in engine/pom.xml): sources jars to map, class jars for the
 * bytecode oracle.
 */
public final class Corpora {
    public static final String GUAVA = "guava-33.5.0-jre";
    public static final String LANG3 = "commons-lang3-3.17.0";
    public static final String COLLECTIONS4 = "commons-collections4-4.5.0";

    private Corpora() {
    }

    /** @return the folder holding the jars, when the build has copied them */
    public static Optional<Path> dir() {
        String property = System.getProperty("cofferdam.corpus.dir");
        for (Path candidate : new Path[] {property == null ? null : Path.of(property), Path.of("target", "corpora"),
                Path.of("engine", "target", "corpora")}) {
            if (candidate != null && Files.isRegularFile(candidate.resolve(GUAVA + "-sources.jar"))) {
                return Optional.of(candidate.toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    public static Path sourcesJar(Path dir, String artifact) {
        return dir.resolve(artifact + "-sources.jar");
    }

    public static Path classesJar(Path dir, String artifact) {
        return dir.resolve(artifact + ".jar");
    }

    /** Unpacks the {@code .java} files of a sources jar (what a checkout of the sources would hold). */
    public static Path unpackSources(Path jar, Path target) throws IOException {
        Files.createDirectories(target);
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (entry.isDirectory() || !entry.getName().endsWith(".java")) {
                    continue;
                }
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }
}
