package dev.saker.ui.timeline;

import dev.saker.index.TimeBins;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepAreaRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The timeline: events per time bin (histogram steps, left axis) and detections per rule (markers,
 * right axis) over the time since the first timed event ({@link TimeBins}: events without a time or
 * far off are counted in a note, not drawn). Dragging across it shows only that time window in the table.
 */
public final class TimelineView {
    private final TimelineViewModel vm;
    private final XYPlot plot;
    private final ChartCanvas canvas;
    private final IntervalMarker selection = new IntervalMarker(0, 0);
    private final Label windowLabel = new Label();
    private final Label leftOut = new Label();
    private final BorderPane box = new BorderPane();
    private TimeBins shown;
    // the axis unit: hours down to microseconds, whichever reads best for the capture's span
    private double unitNs = 1e9;
    private String unit = "s";
    private double dragStart = Double.NaN;

    public TimelineView(TimelineViewModel vm) {
        this.vm = vm;
        NumberAxis x = new NumberAxis("time since the first event");
        NumberAxis events = new NumberAxis("events");
        NumberAxis detections = new NumberAxis("detections");
        // counts: whole numbers from 0, at least 0..1 (an empty capture drew -5E-9 to 5E-9)
        for (NumberAxis counts : new NumberAxis[] {events, detections}) {
            counts.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            counts.setRangeType(org.jfree.data.RangeType.POSITIVE);
            counts.setAutoRangeMinimumSize(1);
            // room above the tallest bar and above a detection marker at the top of its axis
            counts.setUpperMargin(0.15);
        }
        // steps, not a slope between bin starts: each bin's count covers the whole bin, as a histogram does
        plot = new XYPlot(new XYSeriesCollection(), x, events, new XYStepAreaRenderer());
        plot.getRenderer(0).setSeriesPaint(0, new Color(70, 130, 180, 180));
        plot.setDataset(1, new XYSeriesCollection());
        plot.setRangeAxis(1, detections);
        plot.mapDatasetToRangeAxis(1, 1);
        // markers without lines: a line from one detection to the next, seconds later, drew a steady rate
        // across bins that had none
        plot.setRenderer(1, new XYLineAndShapeRenderer(false, true));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setItemFont(new java.awt.Font("SansSerif", java.awt.Font.PLAIN, 10));
        selection.setPaint(new Color(255, 165, 0, 90));
        selection.setOutlinePaint(new Color(255, 140, 0));
        selection.setOutlineStroke(new BasicStroke(1f));
        canvas = new ChartCanvas(chart);
        canvas.setId("timelineCanvas");
        canvas.setDomainZoomable(false);
        canvas.setRangeZoomable(false);
        for (String h : new String[] {"pan", "scroll", "zoom"}) {
            if (canvas.getMouseHandler(h) != null) {
                canvas.removeMouseHandler(canvas.getMouseHandler(h));
            }
        }
        Pane holder = new Pane(canvas);
        holder.setMinHeight(0);
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.heightProperty().bind(holder.heightProperty());
        canvas.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            dragStart = toUnitValue(e.getX());
            e.consume();
        });
        canvas.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> {
            if (!Double.isNaN(dragStart)) {
                mark(dragStart, toUnitValue(e.getX()));
            }
            e.consume();
        });
        canvas.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            double end = toUnitValue(e.getX());
            if (!Double.isNaN(dragStart) && !Double.isNaN(end) && shown != null && Math.abs(end - dragStart) > 1e-9) {
                vm.selectWindow(toNs(dragStart), toNs(end));
            }
            dragStart = Double.NaN;
            e.consume();
        });
        windowLabel.setId("timelineWindow");
        Button clear = new Button("Whole capture");
        clear.setId("clearWindow");
        clear.setOnAction(e -> vm.clearWindow());
        Label hint = new Label("Drag across the timeline to show only that time window");
        // events without a time, or far outside the others' times, are not drawn: say so
        leftOut.setId("timelineLeftOut");
        leftOut.setStyle("-fx-text-fill: #8a5a00;");
        // when the bar is short of room the hint gives way first (ellipsis), never the window or the note
        hint.setMinWidth(0);
        for (javafx.scene.layout.Region r : new javafx.scene.layout.Region[] {windowLabel, clear, leftOut}) {
            r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(8, hint, windowLabel, clear, leftOut);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(2, 6, 2, 6));
        box.setId("timeline");
        box.setTop(bar);
        box.setCenter(holder);
        box.setMinHeight(0);
        box.setPrefHeight(170);
        vm.binsProperty().addListener((o, a, b) -> show(b));
        vm.model().queryProperty().addListener((o, a, b) -> showWindow());
        show(vm.binsProperty().get());
    }

    private double toUnitValue(double px) {
        ChartRenderingInfo info = canvas.getRenderingInfo();
        Rectangle2D area = info == null ? null : info.getPlotInfo().getDataArea();
        if (area == null || area.getWidth() <= 0) {
            return Double.NaN;
        }
        double clamped = Math.max(area.getMinX(), Math.min(area.getMaxX(), px));
        return plot.getDomainAxis().java2DToValue(clamped, area, RectangleEdge.BOTTOM);
    }

    private long toNs(double units) {
        return shown.start() + Math.round(units * unitNs);
    }

    private double toUnits(long ns) {
        return (ns - shown.start()) / unitNs;
    }

    private void mark(double a, double b) {
        selection.setStartValue(Math.min(a, b));
        selection.setEndValue(Math.max(a, b));
        plot.removeDomainMarker(selection, Layer.FOREGROUND);
        plot.addDomainMarker(selection, Layer.FOREGROUND);
    }

    private void show(TimeBins bins) {
        shown = bins;
        XYSeriesCollection rate = new XYSeriesCollection();
        XYSeriesCollection perRule = new XYSeriesCollection();
        if (bins != null) {
            long span = bins.end() - bins.start();
            // the largest unit of which the axis spans at least two
            double[] units = {3600e9, 60e9, 1e9, 1e6, 1e3};
            String[] names = {"h", "min", "s", "ms", "us"};
            int u = 0;
            while (u < units.length - 1 && span < 2 * units[u]) {
                u++;
            }
            unitNs = units[u];
            unit = names[u];
            plot.getDomainAxis().setLabel(unit + " since the first event");
            XYSeries s = new XYSeries(bins.rateLabel());
            for (int i = 0; i < bins.events().length; i++) {
                s.add(toUnits(bins.binStart(i)), bins.events()[i]);
            }
            // where the last bin ends, so that it is drawn as wide as the others
            s.add(toUnits(bins.end()), 0);
            if (!bins.span().empty()) {
                rate.addSeries(s);
            }
            plot.setNoDataMessage(bins.span().untimed() > 0 ? "No event has a time" : "No events");
            for (Map.Entry<String, long[]> r : bins.detectionsByRule().entrySet()) {
                XYSeries d = new XYSeries(r.getKey());
                long[] counts = r.getValue();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] > 0) {
                        // over the middle of its bin's bar
                        d.add(toUnits(bins.binStart(i) + bins.width() / 2), counts[i]);
                    }
                }
                perRule.addSeries(d);
            }
        }
        leftOut.setText(bins == null ? "" : bins.leftOut());
        leftOut.setTooltip(bins == null || bins.leftOut().isEmpty() ? null : new javafx.scene.control.Tooltip(bins.leftOutDetail()));
        plot.setDataset(0, rate);
        plot.setDataset(1, perRule);
        showWindow();
    }

    private void showWindow() {
        long[] w = vm.window();
        if (w == null || shown == null) {
            plot.removeDomainMarker(selection, Layer.FOREGROUND);
            windowLabel.setText("");
            return;
        }
        mark(toUnits(w[0]), toUnits(w[1]));
        windowLabel.setText(String.format("window %.3f %s to %.3f %s", toUnits(w[0]), unit, toUnits(w[1]), unit));
    }

    public ChartCanvas canvas() {
        return canvas;
    }

    public XYPlot plot() {
        return plot;
    }

    public Node node() {
        return box;
    }
}
