package dev.shop.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class OrderServiceTest {
    @Test
    void placesAnOrderAndReservesStock() {
        Inventory inventory = new Inventory();
        inventory.restock(Fixtures.BOOK, 10);
        Order order = Fixtures.service(inventory).placeOrder("c1", List.of("B-1", "E-1"));
        assertEquals(2, order.lines().size());
        assertEquals(9, inventory.available(Fixtures.BOOK));
    }

    @Test
    void refusesUnknownCustomers() {
        assertThrows(IllegalArgumentException.class,
                () -> Fixtures.service(new Inventory()).placeOrder("nobody", List.of("E-1")));
    }
}
