using System.Net.Http.Json;
using System.Security.Cryptography;
using Moderation.Api.Tests.Comments;
using Moderation.Redis.Comments;
using Moderation.Redis.Webhooks;
using Moderation.Testing;
using StackExchange.Redis;

namespace Moderation.Api.Tests.Webhooks;

/// <summary>
/// Two silo processes of one cluster on one Redis share the dispatch of webhook deliveries by lease, part by part: while
/// both live no delivery arrives twice, and once the silo holding leases stops, the other takes its parts over and
/// delivers everything that was left.
/// </summary>
public abstract class LeaseTakeoverTests(RedisServerFixture store) : IDisposable
{
    private const int Bans = 120;

    // Webhooks:MaxConcurrentPerWebhook: what one silo can have under way to the receiver when it goes.
    private const int PlacesPerWebhook = 16;

    private readonly string[] _directories = [TestDirectories.Create("lease-a"), TestDirectories.Create("lease-b")];

    /// <summary>How the lease holder goes.</summary>
    protected abstract Task StopAsync(SiloProcess holder);

    /// <summary>What holds of the leases once the holder has gone.</summary>
    protected virtual Task AfterStopAsync(IDatabase database, SiloProcess holder) => Task.CompletedTask;

    /// <summary>The parts whose lease names the process.</summary>
    protected static async Task<IReadOnlyList<int>> PartsHeldByAsync(IDatabase database, SiloProcess silo)
    {
        var held = new List<int>();
        foreach (var part in CommentParts.All)
        {
            if (await database.StringGetAsync(WebhookRedisKeys.Lease(part)) is { IsNullOrEmpty: false } owner && HolderProcessId(owner!) == silo.ProcessId.ToString())
            {
                held.Add(part);
            }
        }

        return held;
    }

    [Fact]
    public async Task The_other_silo_takes_over_the_stopped_lease_holders_parts_and_delivers_every_event_left()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        // A receiver slow enough that deliveries are still due when the holder goes.
        receiver.Delay = TimeSpan.FromMilliseconds(500);
        var settings = new Dictionary<string, string>(WebhookSilo.Settings)
        {
            ["ConnectionStrings:Redis"] = store.ConnectionString,
            ["Auth:SigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
            ["Orleans:ClusterId"] = "lease-" + Guid.NewGuid().ToString("N")[..8],
            ["Orleans:AdvertisedAddress"] = "127.0.0.1",
            ["RateLimits:Enabled"] = "false",
        };
        var silos = await Task.WhenAll(_directories.Select(directory => SiloProcess.StartAsync(directory, settings)));
        await using var first = silos[0];
        await using var second = silos[1];
        using var editor = first.CreateClient();
        editor.WithToken(await editor.DevTokenAsync("lease-editor", "editor"));
        var hook = await editor.RegisterAsync(receiver.Url, "reader.banned");
        // A ban records its event only when its grain's silo knows a webhook wants it; the second silo reads the new
        // webhook within Webhooks:PollInterval (0.1 s).
        await Task.Delay(TimeSpan.FromSeconds(2));
        using var firstModerator = first.CreateClient();
        firstModerator.WithToken(await firstModerator.DevTokenAsync("lease-mod", "moderator"));
        using var secondModerator = second.CreateClient();
        secondModerator.WithToken(await secondModerator.DevTokenAsync("lease-mod", "moderator"));
        HttpClient[] moderators = [firstModerator, secondModerator];
        var readers = Enumerable.Range(0, Bans).Select(i => $"lease-reader-{i}").ToList();

        await Parallel.ForEachAsync(readers.Select((reader, i) => (reader, i)), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (ban, _) =>
        {
            using var banned = await moderators[ban.i % 2].PostAsJsonAsync($"/api/moderation/readers/{ban.reader}/ban", new { reason = "spam" });
            banned.EnsureSuccessStatusCode();
        });
        await receiver.WaitForAsync(Bans / 6, TimeSpan.FromSeconds(60));
        using var redis = await ConnectionMultiplexer.ConnectAsync(store.ConnectionString);
        var holder = await BusiestHolderAsync(redis.GetDatabase(), silos);
        var beforeStop = receiver.Accepted.Select(delivery => delivery.DeliveryId).ToList();
        await StopAsync(holder);
        await AfterStopAsync(redis.GetDatabase(), holder);

        // Both silos were live until now: no part was dispatched by both, so nothing arrived twice.
        Assert.Equal(beforeStop.Count, beforeStop.Distinct().Count());
        Assert.True(beforeStop.Count < Bans, "Every delivery arrived before the holder stopped; the test proves nothing.");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DistinctReaders(receiver).Count < Bans)
        {
            if (DateTime.UtcNow > deadline)
            {
                var survivor = holder == first ? second : first;
                using var survivorEditor = survivor.CreateClient();
                survivorEditor.WithToken(await survivorEditor.DevTokenAsync("lease-editor", "editor"));
                var undelivered = (await survivorEditor.GetJsonAsync($"/api/webhooks/{hook.Id()}/deliveries?limit=200")).GetProperty("items")
                    .EnumerateArray().Where(item => item.GetProperty("status").GetString() != "delivered").Select(item => item.GetRawText());
                Assert.Fail($"{DistinctReaders(receiver).Count} of {Bans} bans were delivered after the takeover; not delivered: {string.Join("\n", undelivered)}");
            }

            await Task.Delay(100);
        }

        Assert.Equal(readers.ToHashSet(), DistinctReaders(receiver));
        Assert.All(receiver.Accepted, delivery => Assert.True(delivery.SignedWith(WebhookClient.Secret)));
        // A repeat is a delivery the holder had under way when it stopped: the same id, sent again by the other silo.
        var repeated = receiver.Accepted.GroupBy(delivery => delivery.DeliveryId).Count(group => group.Count() > 1);
        Assert.True(repeated <= PlacesPerWebhook, $"{repeated} deliveries arrived more than once; at most the holder's places in flight may.");
    }

    public void Dispose()
    {
        foreach (var directory in _directories)
        {
            TestDirectories.TryDelete(directory);
        }

        GC.SuppressFinalize(this);
    }

    private static HashSet<string> DistinctReaders(WebhookReceiver receiver) =>
        [.. receiver.Accepted.Select(delivery => delivery.Json.GetProperty("data").GetProperty("readerId").GetString()!)];

    private static string HolderProcessId(string owner) => owner.Split(':')[1];

    /// <summary>The silo holding the most parts' leases; the leases name their holder's process id.</summary>
    private static async Task<SiloProcess> BusiestHolderAsync(IDatabase database, SiloProcess[] silos)
    {
        var held = new int[silos.Length];
        foreach (var part in CommentParts.All)
        {
            if (await database.StringGetAsync(WebhookRedisKeys.Lease(part)) is { IsNullOrEmpty: false } owner)
            {
                var processId = HolderProcessId(owner!);
                var index = Array.FindIndex(silos, silo => silo.ProcessId.ToString() == processId);
                held[index]++;
            }
        }

        Assert.True(held.Max() > 0, "No silo holds a webhook lease.");
        return silos[Array.IndexOf(held, held.Max())];
    }
}

public sealed class LeaseTakeoverAfterGracefulStopTests(RedisServerFixture store) : LeaseTakeoverTests(store), IClassFixture<RedisServerFixture>
{
    protected override Task StopAsync(SiloProcess holder) => holder.StopAsync();

    // A graceful stop gives the leases up, so the other silo need not wait for them to expire.
    protected override async Task AfterStopAsync(IDatabase database, SiloProcess holder) => Assert.Empty(await PartsHeldByAsync(database, holder));
}

public sealed class LeaseTakeoverAfterSigkillTests(RedisServerFixture store) : LeaseTakeoverTests(store), IClassFixture<RedisServerFixture>
{
    protected override Task StopAsync(SiloProcess holder)
    {
        holder.Kill();
        return Task.CompletedTask;
    }
}
