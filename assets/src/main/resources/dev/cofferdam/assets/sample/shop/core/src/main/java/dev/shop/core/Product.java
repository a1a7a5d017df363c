package dev.shop.core;

import dev.shop.api.Money;
import dev.shop.api.ProductDto;

/** Something the shop sells. */
public record Product(String sku, String name, Money price, boolean digital) {
    public ProductDto toDto() {
        return new ProductDto(sku, name, price);
    }
}
