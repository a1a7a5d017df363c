package dev.cofferdam.engine.lang;

import dev.cofferdam.engine.scan.BuildLayout;
import java.util.List;
import java.util.Set;

/**
 * Input of a linker: every file of its language (cached or freshly parsed) and the build layout.
 *
 * @param files    facts of the files whose language the linker handles, sorted by path
 * @param layout   source roots and modules
 * @param linkOnly when not null, report dependencies only from these files (the others are known
 *                 from the previous run); declared types are always reported
 */
public record LinkContext(List<FileFacts> files, BuildLayout layout, Set<String> linkOnly) {
    public LinkContext {
        files = List.copyOf(files);
        linkOnly = linkOnly == null ? null : Set.copyOf(linkOnly);
    }

    /** @return true when the dependencies of {@code path} are to be reported */
    public boolean links(String path) {
        return linkOnly == null || linkOnly.contains(path);
    }
}
