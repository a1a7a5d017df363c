package dev.shop.core;

import dev.shop.api.Money;

/** A product and how many of it. */
public record OrderLine(Product product, int quantity) {
    public OrderLine {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
    }

    public Money subtotal() {
        return product.price().times(quantity);
    }
}
