package dev.shop.web;

/** What a controller answers. */
public record Response(int status, String body) {
    public static Response ok(String body) {
        return new Response(200, body);
    }

    public static Response badRequest(String message) {
        return new Response(400, JsonWriter.error(message));
    }

    public static Response notFound() {
        return new Response(404, JsonWriter.error("not found"));
    }
}
