package dev.shop.core;

import dev.shop.api.CustomerDto;

/** A customer; loyal customers get a discount. */
public record Customer(String id, String name, String email, int ordersPlaced) {
    public boolean isLoyal() {
        return ordersPlaced >= 5;
    }

    public CustomerDto toDto() {
        return new CustomerDto(id, name, email);
    }
}
