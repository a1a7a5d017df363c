package dev.cofferdam.app.ui.blast;

import dev.cofferdam.engine.AnalysisException;
import java.nio.file.Path;
import java.util.List;

/** Lists the files a change touches, relative to the repository root with '/' separators. */
@FunctionalInterface
public interface ChangedFiles {
    /**
     * @param root  the repository root
     * @param range a git range such as {@code main..HEAD}, or empty for the uncommitted working tree
     * @throws AnalysisException when the folder is not a git repository or the range is bad
     */
    List<String> of(Path root, String range) throws AnalysisException;
}
