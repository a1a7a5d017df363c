package dev.shop.payments;

import dev.shop.api.Money;
import dev.shop.api.PaymentApi;
import dev.shop.core.Order;
import dev.shop.core.OrderRepository;
import dev.shop.core.OrderStatus;

/** Charges orders by card and records the money in the ledger. */
public final class PaymentService implements PaymentApi {
    private final OrderRepository orders;
    private final CardProcessor cards;
    private final Ledger ledger;
    private final FraudCheck fraud;

    public PaymentService(OrderRepository orders, CardProcessor cards, Ledger ledger, FraudCheck fraud) {
        this.orders = orders;
        this.cards = cards;
        this.ledger = ledger;
        this.fraud = fraud;
    }

    @Override
    public String charge(String orderId, String cardToken) {
        Order order = orders.find(orderId).orElseThrow(() -> new IllegalArgumentException("no order " + orderId));
        if (fraud.isRisky(order)) {
            order.moveTo(OrderStatus.ON_HOLD);
            throw new IllegalStateException("order " + orderId + " needs a manual review");
        }
        try {
            String reference = cards.charge(cardToken, order.total());
            ledger.record(order, reference, order.total());
            order.moveTo(OrderStatus.PAID);
            return reference;
        } catch (CardProcessor.DeclinedException e) {
            throw new IllegalStateException("card declined: " + e.getMessage(), e);
        }
    }

    @Override
    public void refund(String orderId, Money amount) {
        new Refunds(orders, cards, ledger).refund(orderId, amount);
    }

    Ledger ledger() {
        return ledger;
    }
}
