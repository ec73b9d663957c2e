using System.Text.Json;
using Moderation.Client.Load;

namespace Moderation.Client.Tests;

[Collection(ServiceCollection.Name)]
public sealed class LoadCommandTests(ServiceFixture service)
{
    [Fact]
    public async Task Baseline_measures_health_live_and_prints_a_table()
    {
        var result = await service.RunAsync("load", "baseline", "-n", "4", "-d", "1s");

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("Throughput/s", result.Output);
        Assert.Contains("p99 ms", result.Output);
        Assert.Contains("none", result.Output);
    }

    [Fact]
    public async Task Baseline_json_has_the_figures_and_stops_at_the_request_cap()
    {
        var result = await service.RunAsync("load", "baseline", "-n", "4", "-d", "30s", "--requests", "200", "--json",
            "--url", "http://127.0.0.1:1", "--url", "http://127.0.0.2:2");

        Assert.True(result.ExitCode == 0, result.Output);
        var figures = JsonSerializer.Deserialize<LoadFigures>(result.Output, LoadFigures.JsonOptions)!;
        Assert.Equal("baseline", figures.Kind);
        Assert.Equal(200, figures.Requests);
        Assert.Equal(0, figures.Errors);
        Assert.Empty(figures.ErrorsByStatus);
        Assert.Equal(2, figures.Urls.Count);
        Assert.InRange(figures.ElapsedSeconds, 0, 20);
        Assert.True(figures.Throughput > 0);
        Assert.True(figures.LatencyMs.P50 > 0 && figures.LatencyMs.P50 <= figures.LatencyMs.P90 && figures.LatencyMs.P90 <= figures.LatencyMs.P99
            && figures.LatencyMs.P99 <= figures.LatencyMs.Max);
    }

    [Fact]
    public async Task Errors_are_counted_by_status_code()
    {
        var result = await service.RunAsync("load", "results", "--poll", "no-such-poll", "-n", "2", "--requests", "20", "--json");

        Assert.True(result.ExitCode == 0, result.Output);
        var figures = JsonSerializer.Deserialize<LoadFigures>(result.Output, LoadFigures.JsonOptions)!;
        Assert.Equal(20, figures.Requests);
        Assert.Equal(20, figures.Errors);
        Assert.Equal(20, figures.ErrorsByStatus["404"]);
    }

    [Fact]
    public async Task Listeners_of_an_unknown_poll_are_refused_before_anything_connects()
    {
        var result = await service.RunAsync("load", "listeners", "--poll", "no-such-poll", "-n", "5", "--signing-key", service.SigningKey);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("refused", result.Output);
    }
}
