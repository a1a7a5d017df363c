package dev.cofferdam.vm.image;

import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Names of templates built from OCI images: lower-case letters, digits and single dashes, at most
 * {@value #MAX} characters, never a built-in template's name. Stateless and thread-safe.
 */
public final class TemplateNames {
    public static final int MAX = 40;
    private static final Pattern VALID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern IMAGE_ID = Pattern.compile("(sha256:)?[0-9a-f]{12,64}");

    private TemplateNames() {
    }

    /** Lower case, every run of other characters a dash, no dash at either end, cut to {@value #MAX}. */
    public static String sanitize(String raw) {
        String s = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > MAX) {
            s = s.substring(0, MAX).replaceAll("-+$", "");
        }
        return s;
    }

    /**
     * The default name for an image reference: its last path part, plus the tag unless it is
     * {@code latest} ({@code registry:5000/org/app:v2} gives {@code app-v2}); a bare image id
     * gives {@code image-<first 12 hex digits>}.
     */
    public static String forImage(String reference) {
        String ref = reference.strip();
        if (IMAGE_ID.matcher(ref).matches()) {
            String hex = ref.startsWith("sha256:") ? ref.substring(7) : ref;
            return "image-" + hex.substring(0, 12);
        }
        int at = ref.indexOf('@');
        if (at >= 0) {
            ref = ref.substring(0, at);
        }
        String last = ref.substring(ref.lastIndexOf('/') + 1);
        int colon = last.indexOf(':');
        if (colon >= 0) {
            String tag = last.substring(colon + 1);
            last = tag.equals("latest") ? last.substring(0, colon) : last.substring(0, colon) + "-" + tag;
        }
        return sanitize(last);
    }

    /**
     * The default name for a Dockerfile: its folder's name, plus the file's own suffix when it is
     * not plainly {@code Dockerfile} ({@code shop/Dockerfile.dev} gives {@code shop-dev}).
     */
    public static String forDockerfile(Path dockerfile) {
        Path abs = dockerfile.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        String folder = parent == null || parent.getFileName() == null ? "" : parent.getFileName().toString();
        String file = abs.getFileName().toString();
        String extra = file.replaceAll("(?i)(^dockerfile[.-]?|[.-]?dockerfile$)", "");
        return sanitize(extra.isEmpty() || extra.equalsIgnoreCase("dockerfile") ? folder : folder + "-" + extra);
    }

    /**
     * @throws ImageInputException when {@code name} is not a valid name or is a built-in template's
     */
    public static void check(String name) throws ImageInputException {
        if (ImageStore.TEMPLATES.contains(name)) {
            throw new ImageInputException("template name '" + name + "' is taken by a built-in template: choose another with --name");
        }
        if (name.isEmpty() || name.length() > MAX || !VALID.matcher(name).matches()) {
            throw new ImageInputException("template name '" + name + "' is not valid: use lower-case letters, digits and"
                    + " single dashes, at most " + MAX + " characters (--name)");
        }
    }
}
