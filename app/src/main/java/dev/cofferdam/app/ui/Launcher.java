package dev.cofferdam.app.ui;

import javafx.application.Application;

/**
 * Starts the workbench. Not an {@link Application} itself: a main class that extends Application
 * fails on the class path with "JavaFX runtime components are missing".
 */
public final class Launcher {
    private Launcher() {
    }

    /** Opens the window and blocks until it is closed. */
    public static void launch(AppOptions options) {
        Application.launch(App.class, options.toArgs().toArray(String[]::new));
    }
}
