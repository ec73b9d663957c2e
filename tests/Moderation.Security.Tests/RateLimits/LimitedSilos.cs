using Microsoft.AspNetCore.Mvc.Testing;
using Moderation.Testing;
using Xunit.Abstractions;

namespace Moderation.Security.Tests.RateLimits;

/// <summary>Two silos of one cluster on one real Redis, with small write limits, so limits can be seen holding across silos.</summary>
public sealed class LimitedSilos : IAsyncLifetime
{
    private readonly SiloFactory _first;
    private readonly SiloFactory _second;

    public LimitedSilos(IMessageSink diagnostics)
    {
        Redis = new RedisServerFixture(diagnostics);
        Tokens = Tokens.WithNewKey();
        var cluster = "limits-" + Guid.NewGuid().ToString("N")[..8];
        _first = new SiloFactory(redisConnectionString: Redis.ConnectionString, settings: Settings(cluster));
        _second = new SiloFactory(redisConnectionString: Redis.ConnectionString, settings: Settings(cluster));
        First = _first.WithClientAddresses();
        Second = _second.WithClientAddresses();
    }

    public RedisServerFixture Redis { get; }

    internal Tokens Tokens { get; }

    public WebApplicationFactory<Program> First { get; }

    public WebApplicationFactory<Program> Second { get; }

    public async Task InitializeAsync()
    {
        foreach (var silo in new[] { First, Second })
        {
            using var client = silo.CreateClient();
            using var ready = await client.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
            ready.EnsureSuccessStatusCode();
        }
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
        Redis.Dispose();
    }

    private Dictionary<string, string?> Settings(string cluster) => new()
    {
        ["Auth:SigningKey"] = Tokens.Base64Key,
        ["Orleans:ClusterId"] = cluster,
        ["Comments:PostInterval"] = "00:00:00",
        ["RateLimits:Votes:PerReader"] = "3",
        ["RateLimits:Votes:PerIp"] = "5",
        ["RateLimits:Comments:PerReader"] = "2",
        ["RateLimits:Reports:PerReader"] = "2",
        ["RateLimits:Reactions:PerReader"] = "2",
        ["RateLimits:AnonymousTokens:PerIp"] = "3",
        ["RateLimits:AnonymousTokens:Window"] = "00:02:00",
    };
}
