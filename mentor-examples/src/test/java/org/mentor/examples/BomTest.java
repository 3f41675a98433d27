package org.mentor.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The release packaging, read from the poms: mentor-bom (which has no parent, so its version is kept
 * by hand) carries the project's version and manages every published module; the library modules
 * attach sources and javadoc jars.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BomTest {
  private static final Path ROOT = Path.of("..");
  private static final List<String> LIBRARIES = List.of("mentor-core", "mentor-store-jdbc", "mentor-fhir", "mentor-sim");

  @Test
  void the_bom_has_the_projects_version_and_manages_every_published_module() throws Exception {
    Document parent = read(ROOT.resolve("pom.xml"));
    Document bom = read(ROOT.resolve("mentor-bom").resolve("pom.xml"));
    assertThat(child(bom.getDocumentElement(), "parent")).as("the BOM has no parent").isNull();
    assertThat(text(bom.getDocumentElement(), "version")).isEqualTo(text(parent.getDocumentElement(), "version"));
    List<String> published = new ArrayList<>();
    NodeList modules = parent.getElementsByTagName("module");
    for (int i = 0; i < modules.getLength(); i++) {
      String module = modules.item(i).getTextContent();
      String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
      if (!module.equals("mentor-bom") && !pom.contains("<maven.deploy.skip>true</maven.deploy.skip>")) {
        published.add(module);
      }
    }
    assertThat(published).containsExactlyInAnyOrderElementsOf(LIBRARIES); // testserver, examples, bench: not deployed
    List<String> managed = new ArrayList<>();
    NodeList ids = ((Element) child(bom.getDocumentElement(), "dependencyManagement")).getElementsByTagName("artifactId");
    for (int i = 0; i < ids.getLength(); i++) {
      managed.add(ids.item(i).getTextContent());
    }
    assertThat(managed).containsExactlyInAnyOrderElementsOf(published);
  }

  @Test
  void the_library_modules_attach_sources_and_javadoc() throws Exception {
    for (String library : LIBRARIES) {
      String pom = Files.readString(ROOT.resolve(library).resolve("pom.xml"));
      assertThat(pom).as(library).contains("<artifactId>maven-source-plugin</artifactId>",
          "<artifactId>maven-javadoc-plugin</artifactId>");
    }
    String parent = Files.readString(ROOT.resolve("pom.xml"));
    assertThat(parent).contains("<version>${maven-source-plugin.version}</version>",
        "<version>${maven-javadoc-plugin.version}</version>", "<goal>jar-no-fork</goal>");
  }

  private static Document read(Path pom) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
  }

  private static Node child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element && n.getNodeName().equals(name)) {
        return n;
      }
    }
    return null;
  }

  private static String text(Element parent, String name) {
    return child(parent, name).getTextContent().strip();
  }
}
