using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Moderation.Testing;

/// <summary>
/// The whole service in-process on a test server, in Development, over a data directory of its own
/// (or a given one, to test restarts) and on Orleans ports no other test uses.
/// </summary>
public sealed class SiloFactory : WebApplicationFactory<Program>
{
    private readonly bool _ownsDirectory;
    private readonly Dictionary<string, string?> _settings;

    public SiloFactory(string? dataDirectory = null, string? redisConnectionString = null, IDictionary<string, string?>? settings = null)
    {
        _ownsDirectory = dataDirectory is null;
        DataDirectory = dataDirectory ?? TestDirectories.Create("silo");
        _settings = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = DataDirectory,
            ["ConnectionStrings:Redis"] = redisConnectionString ?? "",
            ["Orleans:SiloPort"] = TestPorts.Free().ToString(),
            ["Orleans:GatewayPort"] = TestPorts.Free().ToString(),
            ["Orleans:ClusterId"] = "test-" + Guid.NewGuid().ToString("N")[..8],
            ["Orleans:AdvertisedAddress"] = "127.0.0.1",
            // Tests count what they make; the demo article's poll and comments would be in their queues.
            ["Web:SeedDemo"] = "false",
            // Retrains start only when a test asks for one.
            ["Model:AutoRetrainLabels"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string DataDirectory { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_settings.GetValueOrDefault("environment") ?? "Development");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDirectory)
        {
            TestDirectories.TryDelete(DataDirectory);
        }
    }
}
