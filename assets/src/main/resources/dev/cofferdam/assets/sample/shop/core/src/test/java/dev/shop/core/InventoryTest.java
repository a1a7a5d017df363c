package dev.shop.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

class InventoryTest {
    @Test
    void lowStockPutsOpenOrdersOnHold() {
        Inventory inventory = new Inventory();
        inventory.restock(Fixtures.BOOK, 4);
        OrderService service = Fixtures.service(inventory);
        Order first = service.placeOrder("c1", List.of("B-1"));
        service.placeOrder("c1", List.of("B-1"));
        assertEquals(OrderStatus.ON_HOLD, first.status());
    }

    @Test
    void cannotReserveMoreThanInStock() {
        Inventory inventory = new Inventory();
        assertFalse(inventory.reserve(Fixtures.BOOK, 1));
    }
}
