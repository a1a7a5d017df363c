package dev.cofferdam.engine.lang;

import dev.cofferdam.engine.scan.BuildLayout;
import java.util.List;

/**
 * Input of a linker: every file of its language (cached or freshly parsed) and the build layout.
 *
 * @param files  facts of the files whose language the linker handles, sorted by path
 * @param layout source roots and modules
 */
public record LinkContext(List<FileFacts> files, BuildLayout layout) {
    public LinkContext {
        files = List.copyOf(files);
    }
}
