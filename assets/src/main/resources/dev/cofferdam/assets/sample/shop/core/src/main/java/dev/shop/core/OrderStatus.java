package dev.shop.core;

/** Where an order is in its life. */
public enum OrderStatus {
    NEW, ON_HOLD, PAID, SHIPPED, CANCELLED, REFUNDED;

    public boolean isOpen() {
        return this == NEW || this == ON_HOLD;
    }
}
