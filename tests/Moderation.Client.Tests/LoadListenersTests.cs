using System.Diagnostics;
using System.Text.Json;
using Moderation.Client.Load;
using Moderation.Testing;

namespace Moderation.Client.Tests;

/// <summary>
/// <c>load listeners</c> opens bare sockets, so it runs against a silo in its own process listening on loopback
/// (the in-process test server has no sockets).
/// </summary>
public sealed class LoadListenersTests : IAsyncLifetime
{
    private SiloProcess _silo = null!;

    [Fact]
    public async Task Listeners_time_every_vote_to_every_listener_and_read_the_service_process()
    {
        var result = await Cli.RunAsync(_ => new SocketsHttpHandler(), "load", "listeners", "--url", _silo.BaseAddress.ToString(),
            "-n", "50", "--votes", "2", "--spacing", "100ms", "--silo-pid", _silo.ProcessId.ToString(), "--json");

        Assert.True(result.ExitCode == 0, result.Output);
        var figures = JsonSerializer.Deserialize<FanOutFigures>(result.Output, LoadFigures.JsonOptions)!;
        Assert.Equal(50, figures.Listeners);
        Assert.Equal(2, figures.Votes);
        Assert.Equal(100, figures.Deliveries);
        Assert.Equal(0, figures.Missing);
        Assert.True(figures.P50Ms > 0 && figures.P50Ms <= figures.P99Ms && figures.P99Ms <= figures.MaxMs);
        Assert.True(figures.ClientCpuSeconds > 0);
        Assert.True(figures.SiloCpuSeconds > 0);
        Assert.True(figures.Memory!.WorkingSetBefore > 0 && figures.Memory.WorkingSetAfter > 0);
    }

    public async Task InitializeAsync() => _silo = await SiloProcess.StartAsync(TestDirectories.Create("load-listeners"));

    public async Task DisposeAsync() => await _silo.DisposeAsync();
}
