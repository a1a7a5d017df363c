package dev.shop.core;

import dev.shop.api.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An order: a customer, lines, a status. Totals are computed, never stored. */
public final class Order {
    private final String id;
    private final Customer customer;
    private final List<OrderLine> lines = new ArrayList<>();
    private final Instant placedAt;
    private OrderStatus status = OrderStatus.NEW;
    private Money discount;

    public Order(String id, Customer customer, Instant placedAt) {
        this.id = id;
        this.customer = customer;
        this.placedAt = placedAt;
        this.discount = Money.zero(Money.EUR);
    }

    public String id() {
        return id;
    }

    public Customer customer() {
        return customer;
    }

    public Instant placedAt() {
        return placedAt;
    }

    public List<OrderLine> lines() {
        return List.copyOf(lines);
    }

    public void add(Product product, int quantity) {
        if (!status.isOpen()) {
            throw new IllegalStateException("order " + id + " is " + status);
        }
        lines.add(new OrderLine(product, quantity));
    }

    public Money subtotal() {
        Money sum = Money.zero(Money.EUR);
        for (OrderLine line : lines) {
            sum = sum.plus(line.subtotal());
        }
        return sum;
    }

    public Money total() {
        return subtotal().minus(discount);
    }

    public void applyDiscount(Money amount) {
        this.discount = amount;
    }

    public OrderStatus status() {
        return status;
    }

    public void moveTo(OrderStatus next) {
        this.status = next;
    }
}
