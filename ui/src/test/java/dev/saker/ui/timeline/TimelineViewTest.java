package dev.saker.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saker.index.EventRow;
import dev.saker.ui.WorkbenchTestBase;
import java.awt.geom.Rectangle2D;
import java.util.Arrays;
import java.util.stream.IntStream;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.robot.Motion;

class TimelineViewTest extends WorkbenchTestBase {

    @Test
    void theTimelineCountsEveryEventOnce(FxRobot robot) throws Exception {
        open(robot, capture("libs/curl_google.scap"));
        var dataset = window.timeline().plot().getDataset(0);
        double total = 0;
        for (int i = 0; i < dataset.getItemCount(0); i++) {
            total += dataset.getYValue(0, i);
        }
        assertThat((int) total).isEqualTo(index().size());
    }

    @Test
    void draggingAWindowShowsOnlyTheEventsInsideItAndWholeCaptureShowsAllAgain(FxRobot robot) throws Exception {
        open(robot, capture("libs/curl_google.scap"));
        int all = table(robot).getItems().size();
        var canvas = window.timeline().canvas();
        Rectangle2D area = canvas.getRenderingInfo().getPlotInfo().getDataArea();
        double y = area.getCenterY();
        robot.moveTo(canvas, Pos.TOP_LEFT, new Point2D(area.getMinX() + area.getWidth() * 0.02, y), Motion.DIRECT);
        robot.press(MouseButton.PRIMARY);
        robot.moveTo(canvas, Pos.TOP_LEFT, new Point2D(area.getMinX() + area.getWidth() * 0.3, y), Motion.DIRECT);
        robot.release(MouseButton.PRIMARY);
        long from = model.queryProperty().get().fromTs();
        long to = model.queryProperty().get().toTs();
        assertThat(from).isGreaterThan(Long.MIN_VALUE);
        assertThat(to).isGreaterThan(from).isLessThan(Long.MAX_VALUE);
        // counted from the index's times, independently of the query code
        long expected = IntStream.range(0, index().size()).filter(i -> index().time(i) >= from && index().time(i) <= to).count();
        assertThat(expected).isPositive();
        assertThat(table(robot).getItems()).hasSize((int) expected).hasSizeLessThan(all);
        assertThat(shownRows(robot)).extracting(EventRow::ts).allMatch(t -> t >= from && t <= to);
        robot.clickOn("#clearWindow");
        assertThat(table(robot).getItems()).hasSize(all);
        assertThat(Arrays.asList(model.queryProperty().get().fromTs())).containsExactly(Long.MIN_VALUE);
    }

    private static double total(org.jfree.data.xy.XYDataset dataset) {
        double total = 0;
        for (int i = 0; dataset.getSeriesCount() > 0 && i < dataset.getItemCount(0); i++) {
            total += dataset.getYValue(0, i);
        }
        return total;
    }

    @Test
    void eventsWithoutATimeAreLeftOffTheAxisAndSaidSo(FxRobot robot) throws Exception {
        // example5-httpd.scap starts with two container events stamped 0; the rest span 1.001 s
        open(robot, capture("sysdig-examples/example5-httpd.scap"));
        var plot = window.timeline().plot();
        assertThat(plot.getDomainAxis().getLabel()).isEqualTo("ms since the first event");
        assertThat(plot.getDomainAxis().getUpperBound()).isBetween(1001.0, 1100.0);
        assertThat(plot.getDataset(0).getSeriesKey(0)).isEqualTo("events per 10 ms");
        assertThat((int) total(plot.getDataset(0))).isEqualTo(index().size() - 2);
        assertThat(robot.lookup("#timelineLeftOut").queryLabeled().getText())
                .isEqualTo("not drawn: 2 events without a time");
    }

    @Test
    void aOneEventCaptureDrawsOneMicrosecondBinAndCountsInTheSingular(FxRobot robot) throws Exception {
        open(robot, capture("falco-psp/privileged.scap"));
        var plot = window.timeline().plot();
        assertThat(plot.getDataset(0).getSeriesKey(0)).isEqualTo("events per 1 us");
        assertThat(plot.getDomainAxis().getLabel()).isEqualTo("us since the first event");
        assertThat((int) total(plot.getDataset(0))).isEqualTo(1);
        assertThat(plot.getRangeAxis(0).getLowerBound()).isZero();
        assertThat(robot.lookup("#timelineLeftOut").queryLabeled().getText()).isEmpty();
        assertThat(robot.lookup("#rowsLabel").queryLabeled().getText()).isEqualTo("1 event");
    }

    @Test
    void anEmptyCaptureDrawsNoSeriesAndACountAxisFromZero(FxRobot robot) throws Exception {
        open(robot, legacy("trace_files/empty.scap"));
        var plot = window.timeline().plot();
        assertThat(plot.getDataset(0).getSeriesCount()).isZero();
        assertThat(plot.getNoDataMessage()).isEqualTo("No events");
        assertThat(plot.getRangeAxis(0).getLowerBound()).isZero();
        assertThat(plot.getRangeAxis(0).getUpperBound()).isGreaterThanOrEqualTo(1.0);
        assertThat(robot.lookup("#rowsLabel").queryLabeled().getText()).isEqualTo("0 events");
    }
}
