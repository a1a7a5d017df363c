package dev.shop.core;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps orders in memory. */
public final class OrderRepository {
    private final Map<String, Order> orders = new ConcurrentHashMap<>();

    public void save(Order order) {
        orders.put(order.id(), order);
    }

    public Optional<Order> find(String id) {
        return Optional.ofNullable(orders.get(id));
    }

    public List<Order> open() {
        return orders.values().stream().filter(o -> o.status().isOpen()).toList();
    }

    public List<Order> recent(int limit) {
        return orders.values().stream()
                .sorted(Comparator.comparing(Order::placedAt).reversed())
                .limit(limit)
                .toList();
    }
}
