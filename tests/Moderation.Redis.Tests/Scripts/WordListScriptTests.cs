using Moderation.Redis.Rules;

namespace Moderation.Redis.Tests.Scripts;

/// <summary>The word lists' replace script on a real server; run on each store by the classes below.</summary>
public abstract class WordListScriptTests(ScriptServer server)
{
    private WordListRecords Records => new(server.Connection, server.Writes);

    [Fact]
    public async Task Replacing_the_lists_stores_both_under_the_next_version_and_tells_subscribers()
    {
        var before = await Records.VersionAsync();
        var heard = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        await Records.SubscribeAsync(version => heard.TrySetResult(version));
        var at = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

        var (version, stored) = await Records.ReplaceAsync(new WordLists(["idiot", "buy followers"], ["shill"]), null, "mia", at);
        var read = await Records.ReadAsync();

        Assert.True(stored);
        Assert.Equal(before + 1, version);
        Assert.Equal(version, read.Version);
        Assert.Equal(["idiot", "buy followers"], read.Rule.Banned);
        Assert.Equal(["shill"], read.Rule.Suspect);
        Assert.Equal(at, read.UpdatedAt);
        Assert.Equal("mia", read.UpdatedBy);
        Assert.Equal(version, await heard.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_replace_that_names_an_old_version_changes_nothing()
    {
        var (current, _) = await Records.ReplaceAsync(new WordLists(["kept"], []), null, "mia", DateTimeOffset.UtcNow);

        var (version, stored) = await Records.ReplaceAsync(new WordLists(["lost"], []), current - 1, "noah", DateTimeOffset.UtcNow);
        var (next, storedAtCurrent) = await Records.ReplaceAsync(new WordLists(["next"], []), current, "noah", DateTimeOffset.UtcNow);

        Assert.False(stored);
        Assert.Equal(current, version);
        Assert.True(storedAtCurrent);
        Assert.Equal(current + 1, next);
        Assert.Equal(["next"], (await Records.ReadAsync()).Rule.Banned);
    }
}

[Collection(RedisCollection.Name)]
public sealed class WordListScriptOnRedisServerTests(ScriptServer server) : WordListScriptTests(server);

[Collection(EmbeddedStoreCollection.Name)]
public sealed class WordListScriptOnEmbeddedStoreTests(ScriptServerOnEmbeddedStore server) : WordListScriptTests(server);

[Collection(RedisClusterCollection.Name)]
public sealed class WordListScriptOnRedisClusterTests(ScriptServerOnRedisCluster server) : WordListScriptTests(server);
