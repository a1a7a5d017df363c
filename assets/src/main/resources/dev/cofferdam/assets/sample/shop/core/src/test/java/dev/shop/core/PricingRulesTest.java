package dev.shop.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shop.api.Money;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PricingRulesTest {
    @Test
    void loyalCustomersGetTwoPercentMore() {
        Order order = new Order("o1", Fixtures.ANN, Instant.EPOCH);
        order.add(Fixtures.BOOK, 3);
        new PricingRules(List.of(new Discount("TEN", 10, Money.euros("50.00")))).price(order);
        assertEquals(Money.euros("52.80"), order.total());
    }
}
