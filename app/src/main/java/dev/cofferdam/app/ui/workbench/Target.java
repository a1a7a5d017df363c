package dev.cofferdam.app.ui.workbench;

/**
 * What the user selected.
 *
 * @param kind what it is
 * @param id   module id, file path, qualified type name, or the git range (empty: working tree)
 */
public record Target(Kind kind, String id) {
    /** Kinds of selection. */
    public enum Kind { MODULE, FILE, TYPE, DIFF }

    public String title() {
        return switch (kind) {
            case MODULE -> "module " + id;
            case FILE -> id.substring(id.lastIndexOf('/') + 1);
            case TYPE -> id.substring(id.lastIndexOf('.') + 1);
            case DIFF -> id.isEmpty() ? "uncommitted changes" : "git " + id;
        };
    }
}
