package dev.saker.ui.rules;

import dev.saker.index.Counted;
import dev.saker.fields.Field;
import dev.saker.fields.FieldRegistry;
import dev.saker.format.RenderedFields;
import dev.saker.index.FieldValues;
import dev.saker.rules.HelmValues;
import dev.saker.rules.RulesCheck;
import dev.saker.rules.RulesCompletion;
import dev.saker.rules.RulesSource;
import dev.saker.rules.RulesToken;
import dev.saker.rules.RulesTokenizer;
import dev.saker.ui.main.WorkbenchModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The rules editor's state: the document, its text, the last check of it (loader problems at their
 * ranges, known macro and list names), and the actions: open, save, check, complete and run the
 * edited rules over the open capture (through the shared {@link WorkbenchModel}).
 */
public final class RulesEditorViewModel {
    static final FieldRegistry FIELDS = RenderedFields.registry();
    static final List<String> FIELD_NAMES = FIELDS.all().stream().map(Field::name).sorted().toList();
    // resolving a field name walks the registry; the editor asks for the same words on every keystroke
    private static final Map<String, Boolean> IS_FIELD = new java.util.concurrent.ConcurrentHashMap<>();

    private final WorkbenchModel model;
    private final ObjectProperty<RulesDocument> document = new SimpleObjectProperty<>();
    private final StringProperty text = new SimpleStringProperty("");
    private final ObjectProperty<RulesCheck.Outcome> outcome = new SimpleObjectProperty<>();
    private final ObjectProperty<List<EditorMark>> marks = new SimpleObjectProperty<>(List.of());
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty dirty = new SimpleBooleanProperty();
    private final BooleanProperty checking = new SimpleBooleanProperty();
    private final AtomicLong checkGeneration = new AtomicLong();
    // values of a field in the open capture, per capture and field: completion asks often
    private final Map<String, List<String>> valueCache = new HashMap<>();
    private String checkedText;
    private Set<String> macros = Set.of();
    private Set<String> lists = Set.of();

    public RulesEditorViewModel(WorkbenchModel model) {
        this.model = model;
        model.indexProperty().addListener((o, a, b) -> valueCache.clear());
        model.ruleResultProperty().addListener((o, a, r) -> {
            if (r != null) {
                status.set(r.loaded() ? "Rules ran: " + Counted.of(r.detections().size(), "detection") + " by "
                        + Counted.of(r.rulesRunning(), "rule") : "Rules did not load; see the problems below");
            }
        });
        List<RulesSource> rules = model.rulesProperty().get();
        if (!rules.isEmpty()) {
            edit(rules.get(rules.size() - 1));
        } else {
            document.set(RulesDocument.unsaved("new_rules.yaml"));
        }
        model.rulesProperty().addListener((o, a, b) -> {
            // the session's rules changed elsewhere (e.g. the app started with -r): follow when untouched
            if (!dirty.get() && !b.isEmpty() && document.get().file() == null && !b.stream()
                    .anyMatch(s -> s.name().equals(document.get().sourceName()))) {
                edit(b.get(b.size() - 1));
            }
        });
    }

    private void edit(RulesSource s) {
        int helm = s.name().indexOf(":customRules/");
        Path p = pathOrNull(helm < 0 ? s.name() : s.name().substring(0, helm));
        if (p == null || !Files.isRegularFile(p)) {
            document.set(RulesDocument.unsaved(s.name()));
        } else {
            // a values file's embedded file keeps its link to the values file, so Save writes it back there
            document.set(helm < 0 ? RulesDocument.file(p)
                    : RulesDocument.helm(p, s.name().substring(helm + ":customRules/".length())));
        }
        text.set(s.content());
        dirty.set(false);
    }

    private static Path pathOrNull(String name) {
        try {
            return Path.of(name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The user typed: the text changed (the view debounces and then calls {@link #check}). */
    public void setText(String t) {
        if (!t.equals(text.get())) {
            text.set(t);
            dirty.set(true);
        }
    }

    /** Loads the current text with the session's other rules files, in the background. */
    public void check() {
        long gen = checkGeneration.incrementAndGet();
        String t = text.get();
        String name = document.get().sourceName();
        List<RulesSource> others = model.rulesProperty().get();
        checking.set(true);
        model.tasks().run(() -> RulesCheck.check(others, name, t, FIELDS), o -> {
            if (gen != checkGeneration.get()) {
                return;
            }
            checking.set(false);
            macros = o.macros();
            lists = o.lists();
            checkedText = t;
            outcome.set(o);
            marks.set(o.marks().stream().map(m -> new EditorMark(m.range().start(), m.range().end(), m.error(), m.text()))
                    .toList());
            status.set(describe(o));
        }, e -> {
            if (gen == checkGeneration.get()) {
                checking.set(false);
                status.set("Check failed: " + e.getMessage());
            }
        });
    }

    private static String describe(RulesCheck.Outcome o) {
        long errors = o.marks().stream().filter(RulesCheck.Mark::error).count();
        long warnings = o.marks().size() - errors;
        String s = errors == 0 && o.elsewhere().isEmpty() ? "Valid: " + Counted.of(o.rules(), "rule") + (o.rules() == 1 ? " loads" : " load")
                : "Invalid: " + Counted.of(errors, "error");
        if (warnings > 0) {
            s += ", " + Counted.of(warnings, "warning");
        }
        if (!o.elsewhere().isEmpty()) {
            s += ", " + o.elsewhere().size() + " in other files";
        }
        return s;
    }

    /** The highlighting of {@code t}: a style class per token. */
    public List<StyledRange> styles(String t) {
        return tokens(t).stream().map(k -> new StyledRange(k.start(), k.end(), "tok-" + k.styleClass())).toList();
    }

    /** The highlighting of {@code t} with the names the last check knew (and those {@code t} defines). */
    public List<RulesToken> tokens(String t) {
        RulesTokenizer.Names own = RulesTokenizer.definedNames(t);
        Set<String> m = new java.util.HashSet<>(macros);
        m.addAll(own.macros());
        Set<String> l = new java.util.HashSet<>(lists);
        l.addAll(own.lists());
        return new RulesTokenizer(f -> IS_FIELD.computeIfAbsent(f, w -> FIELDS.resolve(w) != null), m, l).tokens(t);
    }

    /** The problem messages at an offset of the text (for hover). */
    public List<String> messagesAt(int offset) {
        List<String> out = new ArrayList<>();
        for (EditorMark m : marks.get()) {
            if (offset >= m.start() && offset < Math.max(m.end(), m.start() + 1)) {
                out.add(m.message());
            }
        }
        return out;
    }

    /** What to offer at {@code caret}; values of the field come from the open capture (read in the background). */
    public void complete(int caret, Consumer<CompletionChoice> done) {
        String t = text.get();
        Path capture = model.capture();
        Set<String> m = new java.util.HashSet<>(macros);
        m.addAll(RulesTokenizer.definedNames(t).macros());
        Set<String> l = new java.util.HashSet<>(lists);
        l.addAll(RulesTokenizer.definedNames(t).lists());
        model.tasks().run(() -> new RulesCompletion(FIELD_NAMES, m, l, f -> valuesOf(capture, f)).at(t, caret),
                p -> done.accept(new CompletionChoice(p.start(), p.end(), p.field(), p.candidates())),
                e -> status.set("Completion failed: " + e.getMessage()));
    }

    private List<String> valuesOf(Path capture, String field) {
        if (capture == null || model.indexProperty().get() == null || !model.indexProperty().get().complete()) {
            return List.of();
        }
        String key = capture + "|" + field;
        synchronized (valueCache) {
            List<String> v = valueCache.get(key);
            if (v != null) {
                return v;
            }
        }
        try {
            List<String> v = FieldValues.of(capture, field, FIELDS, 500, 2_000_000, () -> false);
            synchronized (valueCache) {
                valueCache.put(key, v);
            }
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    /**
     * Opens a rules file, or a Helm values file's embedded file ({@code entry}, the first when null), and
     * adds it to the session's rules when it is not one of them yet.
     */
    public void open(Path file, String entry) throws IOException {
        String content = Files.readString(file, StandardCharsets.UTF_8);
        List<HelmValues.Entry> es = HelmValues.entries(content);
        RulesDocument doc;
        String t;
        if (es.isEmpty()) {
            doc = RulesDocument.file(file);
            t = content;
        } else {
            HelmValues.Entry e = es.stream().filter(x -> entry == null || x.name().equals(entry)).findFirst()
                    .orElseThrow(() -> new IOException("no customRules entry '" + entry + "' in " + file));
            doc = RulesDocument.helm(file, e.name());
            t = e.text();
        }
        List<RulesSource> rules = new ArrayList<>(model.rulesProperty().get());
        List<RulesSource> added = es.isEmpty() ? List.of(new RulesSource(doc.sourceName(), t))
                : HelmValues.sources(file.toString(), content);
        for (RulesSource s : added) {
            if (rules.stream().noneMatch(r -> r.name().equals(s.name()))) {
                rules.add(s);
            }
        }
        model.rulesProperty().set(List.copyOf(rules));
        document.set(doc);
        text.set(t);
        dirty.set(false);
        status.set("Opened " + doc.title());
        check();
    }

    /** The embedded file names of a values file (empty for a plain rules file). */
    public static List<String> helmEntries(Path file) throws IOException {
        return HelmValues.entries(Files.readString(file, StandardCharsets.UTF_8)).stream().map(HelmValues.Entry::name).toList();
    }

    /** Saves to the document's file (a values file keeps everything but the entry). */
    public void save() throws IOException {
        document.get().save(text.get());
        dirty.set(false);
        status.set("Saved " + document.get().title());
    }

    /** Saves as a plain rules file at {@code file}, which becomes the document. */
    public void saveAs(Path file) throws IOException {
        RulesDocument old = document.get();
        RulesDocument doc = RulesDocument.file(file);
        doc.save(text.get());
        List<RulesSource> rules = new ArrayList<>();
        for (RulesSource s : model.rulesProperty().get()) {
            rules.add(s.name().equals(old.sourceName()) ? new RulesSource(doc.sourceName(), s.content()) : s);
        }
        model.rulesProperty().set(List.copyOf(rules));
        document.set(doc);
        dirty.set(false);
        status.set("Saved " + doc.title());
    }

    /** Puts the edited text in the session's rules and runs them over the open capture. */
    public void run() {
        // the status first: with an inline task runner the run has finished (and said so) when setRules returns
        status.set(model.capture() == null ? "Rules set; open a capture to run them" : "Running rules...");
        model.setRules(RulesCheck.withEdited(model.rulesProperty().get(), document.get().sourceName(), text.get()));
    }

    /** The text the current {@link #outcomeProperty()} is about (null before the first check). */
    public String checkedText() {
        return checkedText;
    }

    public WorkbenchModel model() {
        return model;
    }

    public ObjectProperty<RulesDocument> documentProperty() {
        return document;
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<RulesCheck.Outcome> outcomeProperty() {
        return outcome;
    }

    /** The last check's problems in the edited file, as the editor underlines them. */
    public ObjectProperty<List<EditorMark>> marksProperty() {
        return marks;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public BooleanProperty dirtyProperty() {
        return dirty;
    }

    public BooleanProperty checkingProperty() {
        return checking;
    }
}
