package dev.cofferdam.app.cli;

/** Output formats of the map commands ({@code --format json|md}). */
enum OutputFormat {
    JSON, MD
}
