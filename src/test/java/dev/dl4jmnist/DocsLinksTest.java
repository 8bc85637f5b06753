package dev.dl4jmnist;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every relative link and image in README.md and docs/ reaches an existing file and, with #anchor, a heading of it; README.md stays within 200 lines. */
class DocsLinksTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().normalize();
    /** A link with a scheme (http:, https:, mailto:, …) or a protocol-relative one leaves the project: not checked. */
    private static final Pattern ABSOLUTE = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*:|//)");
    private static final int README_MAX_LINES = 200;

    private final Parser parser = Parser.builder().build();
    private final Map<Path, Set<String>> anchorsByFile = new HashMap<>();

    @Test
    void everyRelativeLinkAndImageResolves() throws IOException {
        List<Path> pages = pages();
        assertThat(pages).as("README.md and the pages under docs/").hasSizeGreaterThan(1);
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            for (String destination : destinations(page)) {
                String problem = problem(page, destination);
                if (problem != null) {
                    broken.add(ROOT.relativize(page) + ": (" + destination + ") " + problem);
                }
            }
        }
        assertThat(broken)
                .withFailMessage("%d broken link(s):%n%s", broken.size(), String.join(System.lineSeparator(), broken))
                .isEmpty();
    }

    @Test
    void readmeFitsOnAScreenOrTwo() throws IOException {
        assertThat(Files.readAllLines(ROOT.resolve("README.md"), StandardCharsets.UTF_8))
                .as("lines of README.md")
                .hasSizeLessThanOrEqualTo(README_MAX_LINES);
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        Path docs = ROOT.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> files = Files.walk(docs)) {
                files.filter(f -> Files.isRegularFile(f) && f.toString().endsWith(".md")).sorted().forEach(pages::add);
            }
        }
        return pages;
    }

    /** The destinations of the page's links and images, in document order. */
    private List<String> destinations(Path page) throws IOException {
        List<String> found = new ArrayList<>();
        parse(page).accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                found.add(link.getDestination());
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                found.add(image.getDestination());
                visitChildren(image);
            }
        });
        return found;
    }

    /** What is wrong with {@code destination} as written in {@code page}, or null when it resolves. */
    private String problem(Path page, String destination) throws IOException {
        if (ABSOLUTE.matcher(destination).find()) {
            return null;
        }
        int hash = destination.indexOf('#');
        String path = decode(hash < 0 ? destination : destination.substring(0, hash));
        String anchor = hash < 0 ? null : decode(destination.substring(hash + 1));
        Path target;
        if (path.isEmpty()) {
            target = page;
        } else if (path.startsWith("/")) {
            target = ROOT.resolve(path.substring(1)).normalize();
        } else {
            target = page.getParent().resolve(path).normalize();
        }
        if (!target.startsWith(ROOT)) {
            return "points outside the project";
        }
        if (!Files.exists(target)) {
            return "no such file or directory: " + ROOT.relativize(target);
        }
        if (anchor == null || anchor.isEmpty()) {
            return null;
        }
        if (!Files.isRegularFile(target) || !target.toString().endsWith(".md")) {
            return Files.isDirectory(target) ? "an anchor into a directory" : null;
        }
        Set<String> anchors = anchors(target);
        return anchors.contains(anchor) ? null : "no heading with the anchor #" + anchor + " in " + ROOT.relativize(target);
    }

    /** The GitHub anchors of the file's headings, in order, repeated headings numbered -1, -2, … as GitHub does. */
    private Set<String> anchors(Path file) throws IOException {
        Set<String> cached = anchorsByFile.get(file);
        if (cached != null) {
            return cached;
        }
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> occurrences = new HashMap<>();
        parse(file).accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                String base = slug(text(heading));
                String anchor = base;
                while (occurrences.containsKey(anchor)) {
                    int n = occurrences.merge(base, 1, Integer::sum);
                    anchor = base + "-" + n;
                }
                occurrences.put(anchor, 0);
                anchors.add(anchor);
            }
        });
        anchorsByFile.put(file, anchors);
        return anchors;
    }

    /** GitHub's anchor for a heading's text: lower case, spaces to hyphens, anything but letters, digits, hyphens and underscores dropped. */
    static String slug(String headingText) {
        StringBuilder slug = new StringBuilder();
        headingText.toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            if (c == ' ') {
                slug.append('-');
            } else if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                slug.appendCodePoint(c);
            }
        });
        return slug.toString();
    }

    /** The heading's text as displayed: code spans without their backticks, links by their text, markup dropped. */
    private static String text(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak lineBreak) {
                text.append(' ');
            }

            @Override
            public void visit(HardLineBreak lineBreak) {
                text.append(' ');
            }
        });
        return text.toString().strip();
    }

    private Node parse(Path file) throws IOException {
        return parser.parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static String decode(String urlPart) {
        return URLDecoder.decode(urlPart.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
