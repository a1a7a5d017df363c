package dev.shop.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Tells listeners about order changes. */
public final class OrderEvents {
    private final List<Consumer<Order>> listeners = new ArrayList<>();

    public void subscribe(Consumer<Order> listener) {
        listeners.add(listener);
    }

    public void changed(Order order) {
        listeners.forEach(l -> l.accept(order));
    }
}
