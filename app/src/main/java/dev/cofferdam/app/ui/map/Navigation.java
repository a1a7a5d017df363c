package dev.cofferdam.app.ui.map;

import java.util.ArrayDeque;
import java.util.Deque;

/** Back/forward history of graph scopes, like a browser's. Not thread-safe. */
public final class Navigation {
    private final Deque<GraphScope> back = new ArrayDeque<>();
    private final Deque<GraphScope> forward = new ArrayDeque<>();
    private GraphScope current = GraphScope.MODULES;

    public GraphScope current() {
        return current;
    }

    /** Goes to {@code scope}; the forward history is dropped. */
    public GraphScope go(GraphScope scope) {
        if (!scope.equals(current)) {
            back.push(current);
            forward.clear();
            current = scope;
        }
        return current;
    }

    public GraphScope back() {
        if (!back.isEmpty()) {
            forward.push(current);
            current = back.pop();
        }
        return current;
    }

    public GraphScope forward() {
        if (!forward.isEmpty()) {
            back.push(current);
            current = forward.pop();
        }
        return current;
    }

    public boolean canGoBack() {
        return !back.isEmpty();
    }

    public boolean canGoForward() {
        return !forward.isEmpty();
    }

    /** Forgets the history (a new repository was opened). */
    public void reset() {
        back.clear();
        forward.clear();
        current = GraphScope.MODULES;
    }
}
