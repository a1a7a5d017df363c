package dev.shop.api;

/** A product as the API shows it. */
public record ProductDto(String sku, String name, Money price) {
}
