package dev.shop.core;

import dev.shop.api.Money;

/** A discount rule: a percentage above a threshold. */
public record Discount(String code, int percent, Money threshold) {
    public Money apply(Money subtotal) {
        if (subtotal.minus(threshold).isNegative()) {
            return Money.zero(subtotal.currency());
        }
        return subtotal.percent(percent);
    }
}
