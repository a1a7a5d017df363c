package dev.shop.core;

import dev.shop.api.Money;
import java.util.List;

/** Decides the discount of an order: the best applicable rule, more for loyal customers. */
public final class PricingRules {
    private final List<Discount> discounts;

    public PricingRules(List<Discount> discounts) {
        this.discounts = List.copyOf(discounts);
    }

    public Money discountFor(Order order) {
        Money best = Money.zero(Money.EUR);
        for (Discount d : discounts) {
            Money m = d.apply(order.subtotal());
            if (best.minus(m).isNegative()) {
                best = m;
            }
        }
        if (order.customer().isLoyal()) {
            best = best.plus(order.subtotal().percent(2));
        }
        return best;
    }

    public void price(Order order) {
        order.applyDiscount(discountFor(order));
    }
}
