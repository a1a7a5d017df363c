package dev.cofferdam.engine.scan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Modules and source roots of a repository, from its build files or inferred from package
 * declarations. Immutable.
 *
 * @param modules   build modules, sorted by path (empty without a build file)
 * @param roots     source roots, deepest first
 * @param testAreas folders whose files are all tests (e.g. {@code src/test}), deepest first
 */
public record BuildLayout(List<BuildModule> modules, List<SourceRoot> roots, List<String> testAreas) {

    public BuildLayout {
        modules = modules.stream().sorted(Comparator.comparing(BuildModule::path)).toList();
        roots = roots.stream().distinct().sorted(Comparator.comparingInt((SourceRoot r) -> -r.path().length())
                .thenComparing(SourceRoot::path)).toList();
        testAreas = testAreas.stream().distinct().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** @return the deepest source root holding {@code file}, or null */
    public SourceRoot rootOf(String file) {
        for (SourceRoot root : roots) {
            if (root.contains(file)) {
                return root;
            }
        }
        return null;
    }

    /** @return the deepest build module holding {@code file}, or null */
    public BuildModule moduleOf(String file) {
        BuildModule best = null;
        for (BuildModule module : modules) {
            if (module.path().equals(".") || file.startsWith(module.path() + "/")) {
                if (best == null || best.path().equals(".") || module.path().length() > best.path().length()) {
                    best = module;
                }
            }
        }
        return best;
    }

    /** @return true when the file is under a test root or test area, or named like a test */
    public boolean isTest(String file) {
        SourceRoot root = rootOf(file);
        if (root != null && root.test()) {
            return true;
        }
        for (String area : testAreas) {
            if (file.startsWith(area + "/")) {
                return true;
            }
        }
        return FileKinds.namedLikeTest(file);
    }

    /** @return this layout with more source roots (inferred ones) */
    public BuildLayout withRoots(List<SourceRoot> more) {
        List<SourceRoot> all = new ArrayList<>(roots);
        all.addAll(more);
        return new BuildLayout(modules, all, testAreas);
    }
}
