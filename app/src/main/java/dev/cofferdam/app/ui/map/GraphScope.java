package dev.cofferdam.app.ui.map;

/**
 * Which part of the map the graph shows.
 *
 * @param level the zoom level
 * @param id    the module id (FILES) or file path (NEIGHBOURHOOD); empty for MODULES
 */
public record GraphScope(Level level, String id) {
    public static final GraphScope MODULES = new GraphScope(Level.MODULES, "");

    /** Zoom levels, from the whole repository down to one file. */
    public enum Level { MODULES, FILES, NEIGHBOURHOOD }

    public static GraphScope filesOf(String moduleId) {
        return new GraphScope(Level.FILES, moduleId);
    }

    public static GraphScope around(String path) {
        return new GraphScope(Level.NEIGHBOURHOOD, path);
    }

    /** A short title for the breadcrumb. */
    public String title() {
        return switch (level) {
            case MODULES -> "Modules";
            case FILES -> "Module " + id;
            case NEIGHBOURHOOD -> "Around " + id.substring(id.lastIndexOf('/') + 1);
        };
    }
}
