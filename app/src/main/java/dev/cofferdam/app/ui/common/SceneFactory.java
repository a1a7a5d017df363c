package dev.cofferdam.app.ui.common;

import dev.cofferdam.assets.Assets;
import java.net.URL;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * Creates scenes with the app's style sheets (base plus the light or dark theme from assets),
 * loaded once, and switches the theme of the scenes it made. FX thread only.
 */
public final class SceneFactory {
    private final String base = css("base.css");
    private final String light = css("light.css");
    private final String dark = css("dark.css");
    private final BooleanProperty darkTheme = new SimpleBooleanProperty();

    public Scene create(Parent root, double width, double height) {
        Scene scene = new Scene(root, width, height);
        apply(scene, darkTheme.get());
        darkTheme.addListener((o, was, now) -> apply(scene, now));
        return scene;
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    private void apply(Scene scene, boolean dark) {
        scene.getStylesheets().setAll(List.of(base, dark ? this.dark : light));
    }

    private static String css(String name) {
        URL url = Assets.class.getResource("css/" + name);
        return Objects.requireNonNull(url, "missing style sheet " + name).toExternalForm();
    }
}
