package dev.shop.api;

/** A customer as the API shows it. */
public record CustomerDto(String id, String name, String email) {
}
