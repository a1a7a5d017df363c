package dev.cofferdam.app.ui;

import dev.cofferdam.app.ui.workbench.WorkbenchViewModel;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.util.Duration;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code cofferdam ui --screenshot FILE}: once the repository is open (and the optional selection's
 * blast radius is shown), writes a PNG of the window and quits. Used for the README pictures.
 */
final class Screenshot {
    private static final Logger LOG = LoggerFactory.getLogger(Screenshot.class);

    private final Scene scene;
    private final WorkbenchViewModel vm;
    private final Path file;
    private final String select;
    private boolean selected;
    private boolean done;

    Screenshot(Scene scene, WorkbenchViewModel vm, Path file, String select) {
        this.scene = scene;
        this.vm = vm;
        this.file = file;
        this.select = select;
    }

    void arm() {
        InvalidationListener check = this::check;
        vm.busyProperty().addListener(check);
        vm.errorProperty().addListener(check);
        vm.selection().busyProperty().addListener(check);
        vm.graph().graphProperty().addListener(check);
        PauseTransition timeout = new PauseTransition(Duration.minutes(3));
        timeout.setOnFinished(e -> {
            LOG.error("no graph to take a screenshot of after 3 minutes");
            Platform.exit();
        });
        timeout.play();
    }

    private void check(Observable ignored) {
        if (done || vm.busyProperty().get()) {
            return;
        }
        if (!vm.errorProperty().get().isEmpty() && vm.indexProperty().get() == null) {
            LOG.error("cannot take a screenshot: {}", vm.errorProperty().get());
            done = true;
            Platform.exit();
            return;
        }
        if (vm.indexProperty().get() == null) {
            return;
        }
        if (!select.isEmpty() && !selected) {
            selected = true;
            if (!vm.selectByName(select)) {
                LOG.warn("nothing named {} in the map", select);
            }
            return;
        }
        if (vm.selection().busyProperty().get()) {
            return;
        }
        done = true;
        // let the layout of the last graph land and a few pulses paint it
        PauseTransition settle = new PauseTransition(Duration.millis(1500));
        settle.setOnFinished(e -> write());
        settle.play();
    }

    private void write() {
        WritableImage image = scene.snapshot(null);
        PixelReader pixels = image.getPixelReader();
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ImageIO.write(out, "png", file.toFile());
            LOG.info("screenshot written to {}", file);
        } catch (IOException e) {
            LOG.error("cannot write the screenshot {}", file, e);
        }
        Platform.exit();
    }
}
