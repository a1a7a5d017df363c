package dev.cofferdam.app.ui.map;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NavigationTest {
    @Test
    void backAndForwardLikeABrowser() {
        Navigation nav = new Navigation();
        assertThat(nav.canGoBack()).isFalse();
        nav.go(GraphScope.filesOf("core"));
        nav.go(GraphScope.around("core/A.java"));
        assertThat(nav.back()).isEqualTo(GraphScope.filesOf("core"));
        assertThat(nav.back()).isEqualTo(GraphScope.MODULES);
        assertThat(nav.back()).isEqualTo(GraphScope.MODULES);
        assertThat(nav.forward()).isEqualTo(GraphScope.filesOf("core"));
        nav.go(GraphScope.filesOf("web"));
        assertThat(nav.canGoForward()).isFalse();
        assertThat(nav.back()).isEqualTo(GraphScope.filesOf("core"));
    }

    @Test
    void goingWhereYouAreAddsNoHistory() {
        Navigation nav = new Navigation();
        nav.go(GraphScope.MODULES);
        assertThat(nav.canGoBack()).isFalse();
        nav.go(GraphScope.filesOf("core"));
        nav.reset();
        assertThat(nav.current()).isEqualTo(GraphScope.MODULES);
        assertThat(nav.canGoBack()).isFalse();
    }
}
