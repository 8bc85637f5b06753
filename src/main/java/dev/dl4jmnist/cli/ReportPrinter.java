package dev.dl4jmnist.cli;

import dev.dl4jmnist.visualisation.EvaluationReport;

import java.io.PrintWriter;
import java.nio.file.Path;

/** Prints an evaluation report to the console: counts, confusion matrix, per-class metrics, files written. */
final class ReportPrinter {
    private ReportPrinter() {
    }

    static void print(PrintWriter out, EvaluationReport.Written report) {
        out.println();
        out.println(report.analysis().countsLine());
        out.println();
        out.print(report.analysis().confusion().format());
        out.println();
        out.print(report.analysis().classes().format());
        out.println();
        for (Path file : report.files()) {
            out.println("Wrote " + file);
        }
        out.flush();
    }
}
