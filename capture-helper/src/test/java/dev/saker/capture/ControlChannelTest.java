package dev.saker.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control channel (PROTOCOL.md) driven as a launcher drives it: the helper's standard streams
 * carry it (--control-fd 1,0), the test reads the messages and sends the stop request.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ControlChannelTest {
    private static final Pattern DROPS = Pattern.compile("drops=(\\d+)");
    private static final Pattern EVENTS = Pattern.compile("events=(\\d+)");

    @TempDir
    Path dir;
    private Process helper;
    private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();

    record Message(char tag, String text) {
    }

    @BeforeEach
    void capturePossible() {
        CaptureRun.assumeCapturePossible();
    }

    @AfterEach
    void stopHelper() {
        if (helper != null && helper.isAlive()) {
            helper.destroyForcibly();
        }
    }

    private void start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(CaptureRun.BINARY.toString(), "--control-fd", "1,0"));
        cmd.addAll(List.of(args));
        helper = new ProcessBuilder(cmd).redirectError(dir.resolve("stderr.txt").toFile()).start();
        Thread reader = new Thread(() -> readMessages(helper.getInputStream()), "control-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Frames: u8 tag, u24 big-endian length, payload. EOF ends the stream with a '-' marker. */
    private void readMessages(InputStream in) {
        try (DataInputStream data = new DataInputStream(in)) {
            for (int tag; (tag = data.read()) != -1; ) {
                int len = (data.readUnsignedByte() << 16) | (data.readUnsignedByte() << 8) | data.readUnsignedByte();
                messages.add(new Message((char) tag, new String(data.readNBytes(len), StandardCharsets.UTF_8)));
            }
        } catch (IOException e) {
            messages.add(new Message('!', e.toString()));
        }
        messages.add(new Message('-', "end of stream"));
    }

    private Message next() throws InterruptedException {
        Message m = messages.poll(60, TimeUnit.SECONDS);
        assertThat(m).as("a message within 60 s").isNotNull();
        return m;
    }

    /** Messages up to and including the first with this tag. */
    private List<Message> until(char tag) throws InterruptedException {
        List<Message> seen = new ArrayList<>();
        Message m;
        do {
            m = next();
            seen.add(m);
            assertThat(m.tag()).as("stream ended before '%s': %s", tag, seen).isNotIn('-', '!');
        } while (m.tag() != tag);
        return seen;
    }

    private void send(char tag) throws IOException {
        OutputStream out = helper.getOutputStream();
        out.write(new byte[] {(byte) tag, 0, 0, 0});
        out.flush();
    }

    private static long number(Pattern p, String text) {
        Matcher m = p.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void reportsStartFileAndCountsAndStopsOnRequest() throws Exception {
        Path file = dir.resolve("ctl.scap");
        start("-w", file.toString(), "--duration", "60");
        Message started = next();
        assertThat(started.tag()).isEqualTo('S');
        assertThat(started.text()).isEqualTo("pid=" + helper.pid() + " cgroup=");
        assertThat(next()).isEqualTo(new Message('F', file.toString()));
        DdStorm.run(2_000);
        List<Message> counts = until('C');
        assertThat(number(EVENTS, counts.get(counts.size() - 1).text())).isPositive();
        send('Q');
        List<Message> tail = until('X');
        assertThat(tail.get(tail.size() - 1).text()).isEqualTo("exit=0");
        Message lastCounts = tail.get(tail.size() - 2);
        assertThat(lastCounts.tag()).isEqualTo('C');
        assertThat(lastCounts.text()).matches("events=\\d+ drops=0");
        assertThat(next().tag()).as("nothing after X").isEqualTo('-');
        assertThat(helper.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(helper.exitValue()).isZero();
        assertThat(Files.readString(dir.resolve("stderr.txt")))
                .contains(lastCounts.text().replaceAll("events=(\\d+) drops=0", "$1 events written, 0 dropped"));
    }

    @Test
    void everyRotatedFileIsReported() throws Exception {
        Path file = dir.resolve("rot.scap");
        start("-w", file.toString(), "-G", "1", "--duration", "2.5");
        List<Message> all = until('X');
        List<String> files = all.stream().filter(m -> m.tag() == 'F').map(Message::text).toList();
        assertThat(files).startsWith(file.toString(), dir.resolve("rot-1.scap").toString(),
                dir.resolve("rot-2.scap").toString());
        for (String f : files) {
            assertThat(Path.of(f)).exists();
        }
        assertThat(helper.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void closingTheRequestSideStopsTheCapture() throws Exception {
        start("-w", dir.resolve("gone.scap").toString(), "--duration", "60");
        assertThat(until('F')).isNotEmpty();
        helper.getOutputStream().close();
        assertThat(until('X').get(0).tag()).isIn('C', 'X');
        assertThat(helper.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(helper.exitValue()).isZero();
    }

    @Test
    void aStartErrorIsReportedBeforeTheExit() throws Exception {
        start("-w", dir.resolve("err.scap").toString(), "--cgroup", "/no/such/cgroup.slice");
        Message error = next();
        assertThat(error.tag()).isEqualTo('E');
        assertThat(error.text()).startsWith("--cgroup /no/such/cgroup.slice: no such cgroup");
        assertThat(next()).isEqualTo(new Message('X', "exit=1"));
        assertThat(helper.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(helper.exitValue()).isEqualTo(1);
    }

    @Test
    void dropsUnderAStormAreReportedOnTheChannel() throws Exception {
        start("-w", dir.resolve("drops.scap").toString(), "--buffer-kb", "4", "--duration", "60");
        assertThat(until('F')).isNotEmpty();
        DdStorm.run(300_000);
        Thread.sleep(500); // past one 200 ms check, so the rise is seen while capturing
        send('Q');
        List<Message> all = until('X');
        List<Message> drops = all.stream().filter(m -> m.tag() == 'D').toList();
        assertThat(drops).as("D messages in %s", all).isNotEmpty();
        assertThat(number(DROPS, drops.get(0).text())).isPositive();
        assertThat(drops.get(0).text()).containsPattern("cpu0=\\d+");
        Message lastCounts = all.get(all.size() - 2);
        assertThat(number(DROPS, lastCounts.text())).isEqualTo(number(DROPS, drops.get(drops.size() - 1).text()));
    }

    @Test
    void enoughBufferReportsNoDrops() throws Exception {
        start("-w", dir.resolve("nodrops.scap").toString(), "--duration", "60");
        assertThat(until('F')).isNotEmpty();
        DdStorm.run(20_000);
        send('Q');
        List<Message> all = until('X');
        assertThat(all).noneMatch(m -> m.tag() == 'D');
        assertThat(number(EVENTS, all.get(all.size() - 2).text())).isGreaterThan(40_000);
        assertThat(number(DROPS, all.get(all.size() - 2).text())).isZero();
    }

    @Test
    void aBadControlDescriptorIsABadFlag() throws Exception {
        Process p = new ProcessBuilder(CaptureRun.BINARY.toString(), "-w", dir.resolve("x.scap").toString(),
                "--control-fd", "9").redirectErrorStream(true).start();
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("--control-fd 9: descriptor 9 is not open");
        assertThat(p.waitFor()).isEqualTo(2);
    }
}
