package dev.cofferdam.engine.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IgnoreRuleTest {
    private static boolean ignored(IgnoreFile file, String path, boolean dir) {
        return Boolean.TRUE.equals(file.decide(path, dir));
    }

    @Test
    void globsMatchNamesAtAnyDepthUnlessAnchored() {
        IgnoreFile rules = IgnoreFile.of("", "*.log", "/only-root.txt", "docs/*.tmp");
        assertThat(ignored(rules, "a.log", false)).isTrue();
        assertThat(ignored(rules, "deep/er/a.log", false)).isTrue();
        assertThat(ignored(rules, "only-root.txt", false)).isTrue();
        assertThat(ignored(rules, "sub/only-root.txt", false)).isFalse();
        assertThat(ignored(rules, "docs/x.tmp", false)).isTrue();
        assertThat(ignored(rules, "other/docs/x.tmp", false)).isFalse();
    }

    @Test
    void doubleStarSpansFolders() {
        IgnoreFile rules = IgnoreFile.of("", "**/gen/**", "a/**/z.txt");
        assertThat(ignored(rules, "gen/x.java", false)).isTrue();
        assertThat(ignored(rules, "m/gen/p/x.java", false)).isTrue();
        assertThat(ignored(rules, "a/z.txt", false)).isTrue();
        assertThat(ignored(rules, "a/b/c/z.txt", false)).isTrue();
        assertThat(ignored(rules, "b/z.txt", false)).isFalse();
    }

    @Test
    void negationReincludesAndLastRuleWins() {
        IgnoreFile rules = IgnoreFile.of("", "*.txt", "!keep.txt");
        assertThat(ignored(rules, "drop.txt", false)).isTrue();
        assertThat(rules.decide("keep.txt", false)).isFalse();
        assertThat(rules.decide("other.md", false)).isNull();
    }

    @Test
    void trailingSlashMatchesFoldersOnly() {
        IgnoreFile rules = IgnoreFile.of("", "cache/");
        assertThat(ignored(rules, "cache", true)).isTrue();
        assertThat(ignored(rules, "cache", false)).isFalse();
    }

    @Test
    void commentsBlankLinesAndCharacterClasses() {
        IgnoreFile rules = IgnoreFile.of("sub", "# comment", "", "file[0-9].bin", "\\#hash");
        assertThat(rules.rules()).hasSize(2);
        assertThat(ignored(rules, "sub/file7.bin", false)).isTrue();
        assertThat(ignored(rules, "sub/fileX.bin", false)).isFalse();
        assertThat(ignored(rules, "sub/#hash", false)).isTrue();
    }
}
