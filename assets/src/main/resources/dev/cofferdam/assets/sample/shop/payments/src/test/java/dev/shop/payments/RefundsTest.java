package dev.shop.payments;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shop.api.Money;
import dev.shop.core.Customer;
import dev.shop.core.Order;
import dev.shop.core.OrderRepository;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RefundsTest {
    @Test
    void neverRefundsMoreThanPaid() {
        OrderRepository repo = new OrderRepository();
        Order order = new Order("o1", new Customer("c1", "Ann", "ann@shop.example", 3), Instant.EPOCH);
        repo.save(order);
        Ledger ledger = new Ledger();
        ledger.record(order, "ref-1", Money.euros("10.00"));
        Refunds refunds = new Refunds(repo, null, ledger);
        assertThrows(IllegalArgumentException.class, () -> refunds.refund("o1", Money.euros("11.00")));
    }
}
