package dev.shop.payments;

import dev.shop.api.Money;
import dev.shop.core.Order;
import java.util.ArrayList;
import java.util.List;

/** Every money movement, in order. */
public final class Ledger {
    /** One movement. */
    public record Entry(String orderId, String reference, Money amount) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public void record(Order order, String reference, Money amount) {
        entries.add(new Entry(order.id(), reference, amount));
    }

    public Money balance(String orderId) {
        Money sum = Money.zero(Money.EUR);
        for (Entry e : entries) {
            if (e.orderId().equals(orderId)) {
                sum = sum.plus(e.amount());
            }
        }
        return sum;
    }

    public String referenceOf(String orderId) {
        return entries.stream().filter(e -> e.orderId().equals(orderId)).map(Entry::reference)
                .findFirst().orElseThrow();
    }
}
