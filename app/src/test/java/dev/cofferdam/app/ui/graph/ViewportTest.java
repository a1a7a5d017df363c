package dev.cofferdam.app.ui.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ViewportTest {
    @Test
    void zoomKeepsThePointUnderTheMouseInPlace() {
        Viewport v = new Viewport();
        v.pan(30, -10);
        double wx = v.toWorldX(200);
        double wy = v.toWorldY(120);
        v.zoomAt(2.5, 200, 120);
        assertThat(v.scale()).isEqualTo(2.5);
        assertThat(v.toScreenX(wx)).isCloseTo(200, within(1e-9));
        assertThat(v.toScreenY(wy)).isCloseTo(120, within(1e-9));
    }

    @Test
    void fitCentresTheBoundsInTheScreen() {
        Viewport v = new Viewport();
        v.fit(-100, -50, 100, 50, 800, 600, 40);
        assertThat(v.toScreenX(0)).isCloseTo(400, within(1e-9));
        assertThat(v.toScreenY(0)).isCloseTo(300, within(1e-9));
        assertThat(v.toScreenX(100)).isLessThanOrEqualTo(760);
        assertThat(v.toScreenX(-100)).isGreaterThanOrEqualTo(40);
    }

    @Test
    void zoomIsClamped() {
        Viewport v = new Viewport();
        for (int i = 0; i < 100; i++) {
            v.zoomAt(2, 0, 0);
        }
        assertThat(v.scale()).isEqualTo(Viewport.MAX_SCALE);
    }
}
