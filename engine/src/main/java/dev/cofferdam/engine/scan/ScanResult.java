package dev.cofferdam.engine.scan;

import java.util.List;

/**
 * What a scan found.
 *
 * @param files    regular files that are not ignored, sorted by path
 * @param problems one line per file or folder that could not be read (the scan went on)
 */
public record ScanResult(List<ScannedFile> files, List<String> problems) {
    public ScanResult {
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }
}
