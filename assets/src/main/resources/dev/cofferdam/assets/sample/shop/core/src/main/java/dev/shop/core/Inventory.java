package dev.shop.core;

import java.util.HashMap;
import java.util.Map;

/**
 * Stock per product. When stock runs low it asks the order service to hold open orders
 * (this is the deliberate cycle of the sample: OrderService uses Inventory and back).
 */
public final class Inventory {
    private static final int LOW = 2;

    private final Map<String, Integer> stock = new HashMap<>();
    private OrderService orders;

    public void connect(OrderService orders) {
        this.orders = orders;
    }

    public void restock(Product product, int quantity) {
        stock.merge(product.sku(), quantity, Integer::sum);
    }

    public boolean reserve(Product product, int quantity) {
        if (product.digital()) {
            return true;
        }
        int left = stock.getOrDefault(product.sku(), 0);
        if (left < quantity) {
            return false;
        }
        stock.put(product.sku(), left - quantity);
        if (left - quantity <= LOW && orders != null) {
            orders.holdOrdersWith(product);
        }
        return true;
    }

    public int available(Product product) {
        return stock.getOrDefault(product.sku(), 0);
    }
}
