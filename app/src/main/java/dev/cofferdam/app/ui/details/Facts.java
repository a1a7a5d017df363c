package dev.cofferdam.app.ui.details;

/** Facts shown in the details pane about the selected element. */
public sealed interface Facts permits ModuleFacts, FileFacts {
    /** The title line. */
    String title();
}
