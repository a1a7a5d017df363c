package dev.cofferdam.vm.secret;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The services Cofferdam knows the API hosts and variable names of. Immutable. */
public enum KnownService {
    ANTHROPIC(List.of("api.anthropic.com"), "ANTHROPIC_API_KEY"),
    OPENAI(List.of("api.openai.com"), "OPENAI_API_KEY"),
    GITHUB(List.of("api.github.com", "github.com", "uploads.github.com"), "GH_TOKEN"),
    GOOGLE(List.of("generativelanguage.googleapis.com"), "GEMINI_API_KEY"),
    GROQ(List.of("api.groq.com"), "GROQ_API_KEY"),
    MISTRAL(List.of("api.mistral.ai"), "MISTRAL_API_KEY"),
    XAI(List.of("api.x.ai"), "XAI_API_KEY");

    private final List<String> hosts;
    private final String envVar;

    KnownService(List<String> hosts, String envVar) {
        this.hosts = hosts;
        this.envVar = envVar;
    }

    /** @return the API hosts the credential is bound to */
    public List<String> hosts() {
        return hosts;
    }

    /** @return the usual environment variable */
    public String envVar() {
        return envVar;
    }

    /** @return the id, e.g. {@code anthropic} */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the known service with this id */
    public static Optional<KnownService> byId(String id) {
        for (KnownService s : values()) {
            if (s.id().equals(id.toLowerCase(Locale.ROOT))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
