package dev.shop.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shop.api.Money;
import dev.shop.core.Customer;
import dev.shop.core.Discount;
import dev.shop.core.Inventory;
import dev.shop.core.OrderEvents;
import dev.shop.core.OrderRepository;
import dev.shop.core.OrderService;
import dev.shop.core.PricingRules;
import dev.shop.core.Product;
import dev.shop.payments.CardProcessor;
import dev.shop.payments.FraudCheck;
import dev.shop.payments.Ledger;
import dev.shop.payments.PaymentService;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckoutControllerTest {
    @Test
    void unknownProductIsABadRequest() {
        OrderRepository repo = new OrderRepository();
        Product ebook = new Product("E-1", "E-book", Money.euros("9.99"), true);
        OrderService orders = new OrderService(repo, new Inventory(), new PricingRules(List.<Discount>of()),
                new OrderEvents(), Map.of("E-1", ebook), Map.of("c1", new Customer("c1", "Ann", "a@shop.example", 0)),
                Clock.systemUTC());
        CardProcessor cards = new CardProcessor() {
            @Override
            public String charge(String token, Money amount) {
                return "ref";
            }

            @Override
            public void refund(String reference, Money amount) {
            }
        };
        PaymentService payments = new PaymentService(repo, cards, new Ledger(), new FraudCheck(Money.euros("100")));
        Response r = new CheckoutController(orders, payments).checkout("c1", List.of("X-9"), "tok");
        assertEquals(400, r.status());
    }
}
