package io.chamber.sse.bench;

import static io.chamber.sse.bench.ResultSet.OURS;
import static io.chamber.sse.bench.ResultSet.PEER;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/** Draws ours-versus-peer bar charts of the headline numbers into one PNG. A missing number draws as 0. */
public final class PerformanceChart {

    private static final int WIDTH = 560;
    private static final int HEIGHT = 380;

    private PerformanceChart() {
    }

    public static void write(ResultSet results, Path png) throws IOException {
        List<CategoryChart> charts = List.of(
                chart(results, "Server memory per open stream", "bytes",
                        List.of(Scenarios.RANDOM_PACE, Scenarios.FIXED_1S), LoadResult::rssGrowthPerStreamBytes),
                chart(results, "Server CPU per delivered event", "µs",
                        List.of(Scenarios.RANDOM_PACE, Scenarios.FIXED_1S), LoadResult::cpuPerEventMicros),
                chart(results, "Lateness p99 at interval=1s", "ms",
                        List.of(Scenarios.FIXED_1S), LoadResult::latenessP99Ms),
                chart(results, "Fire-hose throughput", "events/s",
                        List.of(Scenarios.FIREHOSE_1, Scenarios.FIREHOSE_50), LoadResult::eventsPerSecond));
        BitmapEncoder.saveBitmap(charts, 2, 2, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static CategoryChart chart(ResultSet results, String title, String unit, List<String> scenarios,
            Function<LoadResult, Double> metric) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).yAxisTitle(unit).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setYAxisDecimalPattern("#,##0.##");
        chart.getStyler().setChartTitleFont(chart.getStyler().getChartTitleFont().deriveFont(14f));
        for (String server : List.of(OURS, PEER)) {
            List<Double> values = new ArrayList<>();
            for (String scenario : scenarios) {
                values.add(results.get(scenario, server).map(metric).orElse(0.0));
            }
            chart.addSeries(server, scenarios, values);
        }
        return chart;
    }
}
