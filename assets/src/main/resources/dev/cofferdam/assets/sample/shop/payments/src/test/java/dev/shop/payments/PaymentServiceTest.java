package dev.shop.payments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shop.api.Money;
import dev.shop.core.Customer;
import dev.shop.core.Order;
import dev.shop.core.OrderRepository;
import dev.shop.core.OrderStatus;
import dev.shop.core.Product;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PaymentServiceTest {
    private final CardProcessor alwaysOk = new CardProcessor() {
        @Override
        public String charge(String cardToken, Money amount) {
            return "ref-1";
        }

        @Override
        public void refund(String reference, Money amount) {
        }
    };

    @Test
    void chargesAndRecords() {
        OrderRepository repo = new OrderRepository();
        Order order = new Order("o1", new Customer("c1", "Ann", "ann@shop.example", 3), Instant.EPOCH);
        order.add(new Product("B-1", "Book", Money.euros("20.00"), false), 1);
        repo.save(order);
        PaymentService payments = new PaymentService(repo, alwaysOk, new Ledger(), new FraudCheck(Money.euros("500")));
        assertEquals("ref-1", payments.charge("o1", "tok"));
        assertEquals(OrderStatus.PAID, order.status());
        assertEquals(Money.euros("20.00"), payments.ledger().balance("o1"));
    }
}
