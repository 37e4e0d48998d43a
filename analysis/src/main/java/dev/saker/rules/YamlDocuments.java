package dev.saker.rules;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * A rules file's text composed into YAML nodes, every document, or the YAML error that stopped it.
 * Composing depends on the text alone, so {@link #ahead} composes the files after the first on a
 * second thread while the loader reads and compiles the ones before: on two cores the YAML of the
 * next file is ready when the loader gets to it.
 */
record YamlDocuments(List<Node> docs, YAMLException failure) {

    static YamlDocuments compose(String content) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(Integer.MAX_VALUE);
        List<Node> docs = new ArrayList<>();
        try {
            for (Node doc : new Yaml(options).composeAll(new StringReader(content))) {
                docs.add(doc);
            }
        } catch (YAMLException e) {
            return new YamlDocuments(null, e);
        }
        return new YamlDocuments(docs, null);
    }

    /**
     * The texts composed in order on one daemon thread. A future completes with null when composing
     * failed other than with a YAML error (the loader then composes that text itself, and fails as it
     * would have).
     */
    static List<CompletableFuture<YamlDocuments>> ahead(List<String> contents) {
        List<CompletableFuture<YamlDocuments>> out = new ArrayList<>();
        for (int i = 0; i < contents.size(); i++) {
            out.add(new CompletableFuture<>());
        }
        Thread t = new Thread(new Composer(contents, out), "saker-rules-yaml");
        t.setDaemon(true);
        t.start();
        return out;
    }

    /** Not a lambda: one class, in the start-up archive like the rest. */
    private static final class Composer implements Runnable {
        private final List<String> contents;
        private final List<CompletableFuture<YamlDocuments>> results;

        Composer(List<String> contents, List<CompletableFuture<YamlDocuments>> results) {
            this.contents = contents;
            this.results = results;
        }

        @Override
        public void run() {
            for (int i = 0; i < contents.size(); i++) {
                YamlDocuments d;
                try {
                    d = compose(contents.get(i));
                } catch (Throwable e) {
                    d = null;
                }
                results.get(i).complete(d);
            }
        }
    }
}
