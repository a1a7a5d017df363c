package dev.shop.payments;

import dev.shop.api.Money;
import dev.shop.core.Order;

/** Flags risky orders before they are charged. */
public final class FraudCheck {
    private final Money limitForNewCustomers;

    public FraudCheck(Money limitForNewCustomers) {
        this.limitForNewCustomers = limitForNewCustomers;
    }

    public boolean isRisky(Order order) {
        boolean newCustomer = order.customer().ordersPlaced() == 0;
        return newCustomer && limitForNewCustomers.minus(order.total()).isNegative();
    }
}
