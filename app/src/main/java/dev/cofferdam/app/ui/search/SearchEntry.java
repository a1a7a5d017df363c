package dev.cofferdam.app.ui.search;

/**
 * One thing the search box can find.
 *
 * @param name   what is matched and shown first (simple name)
 * @param kind   module, file or type
 * @param target module id, file path, or qualified type name
 */
public record SearchEntry(String name, Kind kind, String target) {
    /** What an entry stands for. */
    public enum Kind { MODULE, FILE, TYPE }

    /** The text shown in the suggestion list. */
    @Override
    public String toString() {
        return name + "  ·  " + kind.name().toLowerCase(java.util.Locale.ROOT) + "  ·  " + target;
    }
}
