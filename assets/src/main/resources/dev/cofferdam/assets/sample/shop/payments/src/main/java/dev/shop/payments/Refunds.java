package dev.shop.payments;

import dev.shop.api.Money;
import dev.shop.core.Order;
import dev.shop.core.OrderRepository;
import dev.shop.core.OrderStatus;

/** Gives money back, never more than was paid. */
public final class Refunds {
    private final OrderRepository orders;
    private final CardProcessor cards;
    private final Ledger ledger;

    public Refunds(OrderRepository orders, CardProcessor cards, Ledger ledger) {
        this.orders = orders;
        this.cards = cards;
        this.ledger = ledger;
    }

    public void refund(String orderId, Money amount) {
        Order order = orders.find(orderId).orElseThrow();
        if (ledger.balance(orderId).minus(amount).isNegative()) {
            throw new IllegalArgumentException("refund exceeds what was paid");
        }
        String reference = ledger.referenceOf(orderId);
        cards.refund(reference, amount);
        ledger.record(order, reference, Money.zero(amount.currency()).minus(amount));
        order.moveTo(OrderStatus.REFUNDED);
    }
}
