using Moderation.Testing;

namespace Moderation.Api.Tests.Trust;

/// <summary>Tests of the site-wide trust rules, which every post meets, so they get a service of their own.</summary>
[CollectionDefinition(Name)]
public sealed class TrustSiloCollection : ICollectionFixture<TrustSilo>
{
    public const string Name = "silo with trust rules";
}

/// <summary>
/// A service whose readers' first 2 comments wait, whose links wait until 1 approved comment, and where 2 rejections
/// within an hour premoderate for an hour; no post interval, so that a test posts its comments one after another.
/// </summary>
public sealed class TrustSilo : IAsyncLifetime
{
    public SiloFactory Factory { get; } = new(settings: new Dictionary<string, string?>
    {
        ["Trust:NewReaderComments"] = "2",
        ["Trust:LinkApprovedComments"] = "1",
        ["Trust:RecentRejections"] = "2",
        ["Trust:RejectionWindow"] = "01:00:00",
        ["Trust:RejectionPremoderation"] = "01:00:00",
        ["Comments:PostInterval"] = "00:00:00",
    });

    public async Task InitializeAsync()
    {
        using var client = Factory.CreateClient();
        using var ready = await client.WaitUntilReadyAsync();
        ready.EnsureSuccessStatusCode();
    }

    public Task DisposeAsync() => Factory.DisposeAsync().AsTask();
}
