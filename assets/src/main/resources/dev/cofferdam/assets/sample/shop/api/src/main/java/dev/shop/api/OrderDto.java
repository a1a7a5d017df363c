package dev.shop.api;

import java.util.List;

/** An order as the API shows it. */
public record OrderDto(String id, CustomerDto customer, List<Line> lines, Money total, String status) {
    /** One line of an order. */
    public record Line(ProductDto product, int quantity, Money subtotal) {
    }
}
