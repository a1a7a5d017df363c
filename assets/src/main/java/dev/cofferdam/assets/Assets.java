package dev.cofferdam.assets;

/** Marker class: look assets up relative to it, e.g. {@code Assets.class.getResource("graph.css")}. */
public final class Assets {
    private Assets() {
    }
}
