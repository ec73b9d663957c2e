using System.Security.Cryptography;
using Moderation.Testing;

namespace Moderation.Cluster.Tests;

/// <summary>
/// Two silo processes in one Orleans cluster over one Redis, as in production: Redis clustering, grain storage
/// and cache, one shared signing key, silos reached on loopback.
/// </summary>
public sealed class TwoSilos : IAsyncDisposable
{
    private readonly List<string> _directories = [];

    private TwoSilos(SiloProcess first, SiloProcess second, string signingKey)
    {
        First = first;
        Second = second;
        SigningKey = signingKey;
    }

    public SiloProcess First { get; }

    public SiloProcess Second { get; }

    public string SigningKey { get; }

    public static async Task<TwoSilos> StartAsync(string redisConnectionString)
    {
        var signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        var clusterId = "cluster-test-" + Guid.NewGuid().ToString("N")[..8];
        var directories = new[] { TestDirectories.Create("silo-a"), TestDirectories.Create("silo-b") };
        var starting = directories.Select(directory => SiloProcess.StartAsync(directory, new Dictionary<string, string>
        {
            ["environment"] = "Production",
            ["ConnectionStrings:Redis"] = redisConnectionString,
            ["Auth:SigningKey"] = signingKey,
            ["Orleans:ClusterId"] = clusterId,
            ["Orleans:AdvertisedAddress"] = "127.0.0.1",
            ["Comments:PostInterval"] = "00:00:00",
            // The load sends more writes from one address and one reader than the default limits allow; the limits
            // across silos are tested in Moderation.Security.Tests.
            ["RateLimits:Enabled"] = "false",
        })).ToArray();
        var silos = await Task.WhenAll(starting);
        var cluster = new TwoSilos(silos[0], silos[1], signingKey);
        cluster._directories.AddRange(directories);
        return cluster;
    }

    public async ValueTask DisposeAsync()
    {
        await First.DisposeAsync();
        await Second.DisposeAsync();
        foreach (var directory in _directories)
        {
            TestDirectories.TryDelete(directory);
        }
    }
}
