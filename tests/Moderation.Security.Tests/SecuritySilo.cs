using System.Net;
using System.Net.Http.Json;
using Moderation.Testing;
using Xunit.Abstractions;

namespace Moderation.Security.Tests;

/// <summary>Tests that share one in-process service on a real Redis server, so they can read what is stored.</summary>
[CollectionDefinition(Name)]
public sealed class SecurityCollection : ICollectionFixture<SecuritySilo>
{
    public const string Name = "security";
}

public sealed class SecuritySilo : IAsyncLifetime
{
    public const string AllowedOrigin = "https://news.example.org";
    public const string BannedReader = "banned-reader";

    public SecuritySilo(IMessageSink diagnostics)
    {
        Redis = new RedisServerFixture(diagnostics);
        Tokens = Tokens.WithNewKey();
        Factory = new SiloFactory(redisConnectionString: Redis.ConnectionString, settings: new Dictionary<string, string?>
        {
            ["Auth:SigningKey"] = Tokens.Base64Key,
            ["Comments:PostInterval"] = "00:00:00",
            ["RateLimits:Enabled"] = "false",
            // The matrix registers webhooks at a closed loopback port: no delivery leaves the machine.
            ["Webhooks:AllowPrivateTargets"] = "true",
            ["Cors:AllowedOrigins:0"] = AllowedOrigin,
            ["Cors:AllowedOrigins:1"] = "https://www.other-paper.example",
        });
    }

    public RedisServerFixture Redis { get; }

    internal Tokens Tokens { get; }

    public SiloFactory Factory { get; }

    public HttpClient Client(string? token = null)
    {
        var client = Factory.CreateClient();
        return token is null ? client : client.WithToken(token);
    }

    public string Token(string subject, params string[] roles) => Tokens.Sign(subject, roles);

    public async Task InitializeAsync()
    {
        using var client = Factory.CreateClient();
        using var ready = await client.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        ready.EnsureSuccessStatusCode();
        using var moderator = Client(Token("fixture-moderator", "moderator"));
        using var ban = await moderator.PostAsJsonAsync($"/api/moderation/readers/{BannedReader}/ban", new { reason = "test", rejectPending = false });
        Assert.Equal(HttpStatusCode.OK, ban.StatusCode);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        Redis.Dispose();
    }
}
