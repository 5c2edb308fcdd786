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
                cpuChart(results),
                chart(results, "Server CPU per event, random pace", "µs",
                        List.of(Scenarios.RANDOM_PACE), LoadResult::cpuPerEventMicros),
                chart(results, "Server memory per open stream", "bytes",
                        List.of(Scenarios.RANDOM_PACE, Scenarios.FIXED_1S), LoadResult::rssGrowthPerStreamBytes),
                chart(results, "First event p99 while 9,000 connect", "ms",
                        List.of(Scenarios.FIXED_1S, Scenarios.FIXED_1S_WARM), LoadResult::timeToFirstEventP99Ms),
                chart(results, "Lateness p99 at interval=1s", "ms",
                        List.of(Scenarios.FIXED_1S, Scenarios.FIXED_1S_WARM), LoadResult::latenessP99Ms),
                chart(results, "Fire-hose throughput", "events/s",
                        List.of(Scenarios.FIREHOSE_1, Scenarios.FIREHOSE_50), LoadResult::eventsPerSecond));
        BitmapEncoder.saveBitmap(charts, 3, 2, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /** CPU per event at the fixed pace, user and system stacked, ours and the peer's, fresh and warm. */
    private static CategoryChart cpuChart(ResultSet results) {
        CategoryChart chart = style(new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Server CPU per event, interval=1s").yAxisTitle("µs").build());
        chart.getStyler().setStacked(true);
        List<String> bars = new ArrayList<>();
        List<Double> user = new ArrayList<>();
        List<Double> system = new ArrayList<>();
        for (String server : List.of(OURS, PEER)) {
            for (String scenario : List.of(Scenarios.FIXED_1S, Scenarios.FIXED_1S_WARM)) {
                bars.add(server + (scenario.equals(Scenarios.FIXED_1S) ? " fresh" : " warm"));
                user.add(results.get(scenario, server).map(LoadResult::userCpuPerEventMicros).orElse(0.0));
                system.add(results.get(scenario, server).map(LoadResult::systemCpuPerEventMicros).orElse(0.0));
            }
        }
        chart.addSeries("user", bars, user);
        chart.addSeries("system", bars, system);
        return chart;
    }

    private static CategoryChart style(CategoryChart chart) {
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setYAxisDecimalPattern("#,##0.##");
        chart.getStyler().setChartTitleFont(chart.getStyler().getChartTitleFont().deriveFont(14f));
        return chart;
    }

    private static CategoryChart chart(ResultSet results, String title, String unit, List<String> scenarios,
            Function<LoadResult, Double> metric) {
        CategoryChart chart = style(new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).yAxisTitle(unit)
                .build());
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
