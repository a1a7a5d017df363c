package dev.cofferdam.engine.scan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The parts of a {@code pom.xml} the map needs. Parsed without network access or DTDs.
 *
 * @param artifactId          the module's artifactId (null when missing)
 * @param modules             sub-module folders, from {@code <modules>} and profiles
 * @param sourceDirectory     custom {@code <build><sourceDirectory>}, or null
 * @param testSourceDirectory custom {@code <build><testSourceDirectory>}, or null
 */
record MavenPom(String artifactId, List<String> modules, String sourceDirectory, String testSourceDirectory) {

    static MavenPom read(Path pom) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            Document doc = builder.parse(pom.toFile());
            Element project = doc.getDocumentElement();
            List<String> modules = new ArrayList<>();
            collectModules(child(project, "modules"), modules);
            Element profiles = child(project, "profiles");
            if (profiles != null) {
                for (Element profile : children(profiles, "profile")) {
                    collectModules(child(profile, "modules"), modules);
                }
            }
            Element build = child(project, "build");
            return new MavenPom(text(child(project, "artifactId")), modules,
                    stripBasedir(text(child(build, "sourceDirectory"))),
                    stripBasedir(text(child(build, "testSourceDirectory"))));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("not a valid pom: " + e.getMessage(), e);
        }
    }

    private static void collectModules(Element modulesElement, List<String> into) {
        if (modulesElement != null) {
            for (Element module : children(modulesElement, "module")) {
                String name = text(module);
                if (name != null && !name.isBlank() && !into.contains(name.trim())) {
                    into.add(name.trim());
                }
            }
        }
    }

    private static String stripBasedir(String dir) {
        if (dir == null) {
            return null;
        }
        String d = dir.trim().replace('\\', '/');
        for (String prefix : List.of("${project.basedir}/", "${basedir}/", "${pom.basedir}/")) {
            if (d.startsWith(prefix)) {
                d = d.substring(prefix.length());
            }
        }
        return d.contains("${") || d.startsWith("/") ? null : d;
    }

    private static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getTagName())) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getTagName())) {
                result.add(e);
            }
        }
        return result;
    }

    private static String text(Element e) {
        return e == null ? null : e.getTextContent().trim();
    }
}
