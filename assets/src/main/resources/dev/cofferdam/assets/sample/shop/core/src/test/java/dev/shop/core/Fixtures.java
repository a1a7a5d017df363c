package dev.shop.core;

import dev.shop.api.Money;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** Shared test data. */
final class Fixtures {
    static final Product BOOK = new Product("B-1", "Book", Money.euros("20.00"), false);
    static final Product EBOOK = new Product("E-1", "E-book", Money.euros("9.99"), true);
    static final Customer ANN = new Customer("c1", "Ann", "ann@shop.example", 7);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);

    private Fixtures() {
    }

    static OrderService service(Inventory inventory) {
        PricingRules pricing = new PricingRules(List.of(new Discount("TEN", 10, Money.euros("50.00"))));
        return new OrderService(new OrderRepository(), inventory, pricing, new OrderEvents(),
                Map.of(BOOK.sku(), BOOK, EBOOK.sku(), EBOOK), Map.of(ANN.id(), ANN), CLOCK);
    }
}
