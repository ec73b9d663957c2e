using System.Net.Http.Headers;
using System.Security.Cryptography;
using Moderation.Client.Http;
using Moderation.Client.Operators;
using Moderation.Testing;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Moderation.Client.Tests;

/// <summary>Tests against the real service, hosted in-process once for the collection, with a signing key the tests know.</summary>
[CollectionDefinition(Name)]
public sealed class ServiceCollection : ICollectionFixture<ServiceFixture>
{
    public const string Name = "service";
}

public sealed class ServiceFixture : IAsyncLifetime
{
    public ServiceFixture()
    {
        SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        Factory = new SiloFactory(settings: new Dictionary<string, string?>
        {
            ["Auth:SigningKey"] = SigningKey,
            // The webhook commands register a closed loopback port: no delivery leaves the machine.
            ["Webhooks:AllowPrivateTargets"] = "true",
        });
    }

    public string SigningKey { get; }

    public SiloFactory Factory { get; }

    /// <summary>Every base URL leads to the in-process server.</summary>
    public HttpMessageHandler Handler(Uri baseUrl) => Factory.Server.CreateHandler();

    public Task<CliResult> RunAsync(params string[] args) => Cli.RunAsync(Handler, args);

    public ModerationApi Api(string? token = null)
    {
        var client = Factory.CreateClient();
        return new ModerationApi(client, token);
    }

    public string Mint(string subject, params string[] roles) => new TokenMinter(SigningKey).Mint(subject, subject, roles);

    public HttpClient Client(string? token)
    {
        var client = Factory.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>A reader id no other test uses (the service lets one reader post once every 3 s).</summary>
    public static string Fresh(string purpose) => $"{purpose}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Waits until the service is ready, the toxicity model included (it loads in the background).</summary>
    public async Task InitializeAsync()
    {
        using var client = Factory.CreateClient();
        using var ready = await client.WaitUntilReadyAsync(TimeSpan.FromSeconds(90));
        Assert.True(ready.IsSuccessStatusCode, await ready.Content.ReadAsStringAsync());
    }

    public Task DisposeAsync() => Factory.DisposeAsync().AsTask();
}
