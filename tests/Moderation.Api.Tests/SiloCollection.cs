using Moderation.Testing;

namespace Moderation.Api.Tests;

/// <summary>Tests that share one in-process service on the embedded store.</summary>
[CollectionDefinition(Name)]
public sealed class SiloCollection : ICollectionFixture<SharedSilo>
{
    public const string Name = "silo";
}

public sealed class SharedSilo : IAsyncLifetime
{
    public SiloFactory Factory { get; } = new();

    public HttpClient CreateClient() => Factory.CreateClient();

    public async Task InitializeAsync()
    {
        using var client = Factory.CreateClient();
        using var ready = await client.WaitUntilReadyAsync();
        ready.EnsureSuccessStatusCode();
    }

    public Task DisposeAsync() => Factory.DisposeAsync().AsTask();
}
