package dev.cofferdam.engine.map;

import dev.cofferdam.engine.scan.BuildLayout;
import dev.cofferdam.engine.scan.BuildModule;
import dev.cofferdam.engine.scan.SourceRoot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Assigns every file to exactly one module: build modules first, then inside each (or in the
 * repository without a build file) package clusters named by their common prefix, split until a
 * handful of groups appear but never beyond a budget (about 30 clusters in all), and top-level
 * directory clusters for large folders outside source roots. Stateless.
 */
final class ModuleClusterer {
    static final int TOTAL_BUDGET = 30;
    private static final int MIN_GROUPS = 5;
    private static final int MIN_FILES_TO_SPLIT = 8;

    /**
     * A file to place.
     *
     * @param code a source file of a language the map analyzes (its folder is a package)
     */
    record Item(String path, int loc, boolean code) {
    }

    private static String folder(String relative) {
        int slash = relative.lastIndexOf('/');
        return slash < 0 ? "" : relative.substring(0, slash);
    }

    /** The modules and which module each file is in. */
    record Assignment(List<Module> modules, Map<String, String> moduleOf) {
    }

    private record Group(String key, String root) {
    }

    Assignment cluster(List<Item> items, BuildLayout layout, String rootName) {
        List<BuildModule> builds = new ArrayList<>(layout.modules());
        boolean implicit = builds.isEmpty();
        if (implicit) {
            builds.add(new BuildModule(".", rootName, ModuleKind.DIRECTORY));
        }
        Map<String, List<Item>> byBuild = new LinkedHashMap<>();
        builds.forEach(b -> byBuild.put(b.path(), new ArrayList<>()));
        for (Item item : items) {
            BuildModule b = implicit ? builds.get(0) : layout.moduleOf(item.path());
            byBuild.get(b == null ? builds.get(0).path() : b.path()).add(item);
        }
        int budget = Math.max(3, TOTAL_BUDGET / builds.size());
        Map<String, String> moduleOf = new HashMap<>();
        Map<String, Module> clusters = new TreeMap<>();
        List<Module> buildModules = new ArrayList<>();
        for (BuildModule build : builds) {
            List<Item> own = byBuild.get(build.path());
            List<Item> rest = placeInClusters(own, layout, budget, implicit, build, moduleOf, clusters);
            rest.forEach(i -> moduleOf.put(i.path(), build.path()));
            buildModules.add(new Module(build.path(), build.name(), build.kind(), build.path(), rest.size(),
                    rest.stream().mapToInt(Item::loc).sum(), List.of()));
        }
        List<Module> modules = new ArrayList<>(buildModules);
        modules.addAll(clusters.values());
        return new Assignment(modules, moduleOf);
    }

    /** @return the items that stay in the build module itself */
    private List<Item> placeInClusters(List<Item> own, BuildLayout layout, int budget, boolean implicit,
                                       BuildModule build, Map<String, String> moduleOf, Map<String, Module> clusters) {
        Map<Item, Group> inRoots = new LinkedHashMap<>();
        List<Item> others = new ArrayList<>();
        Set<String> codeFolders = new HashSet<>();
        for (Item item : own) {
            SourceRoot root = layout.rootOf(item.path());
            if (root != null && item.code()) {
                codeFolders.add(root.path() + ":" + folder(root.relativize(item.path())));
            }
        }
        for (Item item : own) {
            SourceRoot root = layout.rootOf(item.path());
            String key = root == null ? null : folder(root.relativize(item.path()));
            // files beside code in a package folder join its cluster; other folders under an inferred
            // root (META-INF, docs) and the root's own default package stay with the module
            if (root != null && codeFolders.contains(root.path() + ":" + key) && !(key.isEmpty() && root.path().isEmpty())) {
                inRoots.put(item, new Group(key, root.path()));
            } else {
                others.add(item);
            }
        }
        if (own.size() < MIN_FILES_TO_SPLIT) {
            return own;
        }
        List<String> prefixes = PackageSplit.split(inRoots.values().stream().map(Group::key).toList(), budget, MIN_GROUPS);
        if (!implicit && prefixes.size() < 2) {
            // one package group: a cluster would only repeat its build module under a longer name
            return own;
        }
        Map<String, List<Item>> members = new TreeMap<>();
        Map<String, String> firstRoot = new HashMap<>();
        for (var e : inRoots.entrySet()) {
            String prefix = PackageSplit.longestPrefix(prefixes, e.getValue().key());
            members.computeIfAbsent(prefix, k -> new ArrayList<>()).add(e.getKey());
            String root = e.getValue().root();
            firstRoot.merge(prefix, root, (a, b) -> rank(layout, b) < rank(layout, a) ? b : a);
        }
        for (var e : members.entrySet()) {
            String root = firstRoot.get(e.getKey());
            String id = join(root, e.getKey());
            if (id.equals(build.path()) || clusters.containsKey(id)) {
                id = id + "#" + build.path();
            }
            String name = e.getKey().isEmpty() ? "(default package)" : e.getKey().replace('/', '.');
            addCluster(id, name, ModuleKind.PACKAGE, e.getValue(), moduleOf, clusters);
        }
        return implicit ? directoryClusters(others, own.size(), moduleOf, clusters) : others;
    }

    /** Large top-level folders outside source roots become directory clusters; the rest stays. */
    private List<Item> directoryClusters(List<Item> others, int total, Map<String, String> moduleOf,
                                         Map<String, Module> clusters) {
        Map<String, List<Item>> byTop = new TreeMap<>();
        List<Item> rest = new ArrayList<>();
        for (Item item : others) {
            int slash = item.path().indexOf('/');
            if (slash < 0) {
                rest.add(item);
            } else {
                byTop.computeIfAbsent(item.path().substring(0, slash), k -> new ArrayList<>()).add(item);
            }
        }
        int threshold = Math.max(3, total / 20);
        for (var e : byTop.entrySet()) {
            if (e.getValue().size() >= threshold && !clusters.containsKey(e.getKey())) {
                addCluster(e.getKey(), e.getKey(), ModuleKind.DIRECTORY, e.getValue(), moduleOf, clusters);
            } else {
                rest.addAll(e.getValue());
            }
        }
        return rest;
    }

    private static void addCluster(String id, String name, ModuleKind kind, List<Item> items,
                                   Map<String, String> moduleOf, Map<String, Module> clusters) {
        items.forEach(i -> moduleOf.put(i.path(), id));
        clusters.put(id, new Module(id, name, kind, id, items.size(), items.stream().mapToInt(Item::loc).sum(), List.of()));
    }

    /** Main roots name a cluster before test roots. */
    private static int rank(BuildLayout layout, String root) {
        return layout.roots().stream().filter(r -> r.path().equals(root)).findFirst().map(r -> r.test() ? 1 : 0).orElse(2);
    }

    private static String join(String root, String key) {
        if (root.isEmpty()) {
            return key.isEmpty() ? "." : key;
        }
        return key.isEmpty() ? root : root + "/" + key;
    }

    static Comparator<Module> order() {
        return Comparator.comparing(Module::id);
    }
}
