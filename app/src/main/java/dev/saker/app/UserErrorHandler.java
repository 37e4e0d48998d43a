package dev.saker.app;

import dev.saker.scap.CaptureFormatException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns failures on bad input into one clear line on stderr and exit code 2, never a stack trace. */
final class UserErrorHandler implements IExecutionExceptionHandler {
    static final int BAD_INPUT = 2;

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
        cmd.getErr().println("saker: " + describe(ex));
        cmd.getErr().flush();
        return BAD_INPUT;
    }

    static String describe(Exception ex) {
        if (ex instanceof CaptureFormatException c) {
            return c.offset() == 0 && c.getMessage().startsWith("not a") ? c.getMessage()
                    : "damaged capture " + c.describe();
        }
        if (ex instanceof NoSuchFileException n) {
            return "no such file: " + n.getFile();
        }
        if (ex instanceof IOException) {
            return ex.getMessage() == null ? ex.toString() : ex.getMessage();
        }
        return "internal error: " + ex;
    }
}
