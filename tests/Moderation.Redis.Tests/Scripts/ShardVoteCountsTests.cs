using System.Collections.Immutable;
using System.Globalization;
using Moderation.Contracts.Polls;
using Moderation.Redis.Polls;
using StackExchange.Redis;

namespace Moderation.Redis.Tests.Scripts;

/// <summary>The counts the vote scripts keep per shard for the editors' signals; run on each store by the classes below.</summary>
public abstract class ShardVoteCountsTests(ScriptServer server)
{
    protected ScriptServer Server => server;

    private IDatabase Redis => server.Database;

    [Fact]
    public async Task The_kept_counts_follow_votes_changes_retractions_and_an_import_of_single_multiple_and_scale_choices()
    {
        var store = new VoteStore(server.Connection, server.Writes);
        var poll = NewPoll();
        await store.CountSplitAsync(poll, 0);

        await store.CommitAsync(poll, 0, allowChange: true,
            [new Ballot("ann", "o1", false), new Ballot("bob", "o1", true), new Ballot("cid", "o1,o3", false), new Ballot("dee", "4", false)]);
        await store.CommitAsync(poll, 0, allowChange: true,
            [new Ballot("ann", "o2", false), new Ballot("cid", "o1,o3", false), new Ballot("dee", "2", false), new Ballot("dee", "5", false)]);
        await store.RetractAsync(poll, 0, "bob");
        await store.RetractAsync(poll, 0, "nobody");
        await store.CommitAsync(poll, 0, allowChange: false, [new Ballot("eve", "o2", false), new Ballot("fay", "o2", true), new Ballot("ann", "o1", false)]);

        var kept = await KeptAsync(poll, 0);
        Assert.Equal(Counted(("o2", 3, 2), ("o1,o3", 1, 1), ("5", 1, 1)), Flatten(kept));
        Assert.Equal(Flatten(await ScanAsync(poll, 0)), Flatten(kept));
        Assert.Equal(Flatten(kept), Flatten(await store.CountSplitAsync(poll, 0)));
    }

    [Fact]
    public async Task A_shard_stored_before_the_counts_gets_exact_counts_on_its_first_read_while_votes_keep_arriving()
    {
        var store = new VoteStore(server.Connection, server.Writes);
        var poll = NewPoll();
        var old = Enumerable.Range(0, 3000)
            .Select(i => new HashEntry($"old-{i}", StoredVote.Encode(i % 3 == 0 ? "o1" : "o2", signedIn: i % 4 == 0)))
            .ToArray();
        await Redis.HashSetAsync(PollRedisKeys.Votes(poll, 1), old);

        var votes = Enumerable.Range(0, 40).Select(batch => store.CommitAsync(poll, 1, allowChange: true,
        [
            .. Enumerable.Range(0, 25).Select(i => new Ballot($"new-{batch}-{i}", i % 2 == 0 ? "o1" : "o3", i % 3 == 0)),
            new Ballot($"old-{batch}", "o3", false),
        ]));
        var reads = Enumerable.Range(0, 5).Select(_ => store.CountSplitAsync(poll, 1));
        await Task.WhenAll([.. votes, .. reads]);

        var kept = await KeptAsync(poll, 1);
        Assert.True(await Redis.HashExistsAsync(PollRedisKeys.VoteCounts(poll, 1), "built"));
        Assert.Equal(4000, kept.All.Values.Sum());
        Assert.Equal(Flatten(await ScanAsync(poll, 1)), Flatten(kept));
    }

    [Fact]
    public async Task Counts_that_no_longer_add_up_to_the_votes_are_counted_again_on_the_next_read()
    {
        var store = new VoteStore(server.Connection, server.Writes);
        var poll = NewPoll();
        await store.CountSplitAsync(poll, 2);
        await store.CommitAsync(poll, 2, allowChange: false, [new Ballot("ann", "o1", false), new Ballot("bob", "o2", true)]);
        // What a crash of the embedded store between a script's two writes can leave: a vote without its count.
        await Redis.HashSetAsync(PollRedisKeys.Votes(poll, 2), "cid", StoredVote.Encode("o2", signedIn: true));

        var read = await store.CountSplitAsync(poll, 2);

        Assert.Equal(Counted(("o1", 1, 1), ("o2", 2, 1)), Flatten(read));
        Assert.Equal(Flatten(read), Flatten(await KeptAsync(poll, 2)));
    }

    [Fact]
    public async Task Votes_before_the_first_read_leave_no_counts_behind_and_that_read_counts_them()
    {
        var store = new VoteStore(server.Connection, server.Writes);
        var poll = NewPoll();

        await store.CommitAsync(poll, 0, allowChange: false, [new Ballot("ann", "o1", false), new Ballot("bob", "o1", true)]);
        var before = await Redis.KeyExistsAsync(PollRedisKeys.VoteCounts(poll, 0));
        var read = await store.CountSplitAsync(poll, 0);

        Assert.False(before);
        Assert.Equal(Counted(("o1", 2, 1)), Flatten(read));
    }

    private static string NewPoll() => "p" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>The counts hash as the scripts left it, read without the script that may count it again.</summary>
    private async Task<ShardCounts> KeptAsync(string poll, int shard)
    {
        var fields = await Redis.HashGetAllAsync(PollRedisKeys.VoteCounts(poll, shard));
        long Count(string prefix, string choice) =>
            fields.Where(field => field.Name == prefix + choice).Sum(field => long.Parse((string)field.Value!, CultureInfo.InvariantCulture));
        var choices = fields.Select(field => (string)field.Name!).Where(name => name.StartsWith("a:", StringComparison.Ordinal))
            .Select(name => name[2..]).Where(choice => Count("a:", choice) != 0).ToArray();
        return new ShardCounts(
            choices.ToDictionary(choice => choice, choice => Count("a:", choice)).ToImmutableDictionary(),
            choices.ToDictionary(choice => choice, choice => Count("s:", choice)).ToImmutableDictionary());
    }

    /// <summary>The counts from every stored vote, as the signals were read before the counts were kept.</summary>
    private async Task<ShardCounts> ScanAsync(string poll, int shard)
    {
        var votes = (await Redis.HashGetAllAsync(PollRedisKeys.Votes(poll, shard))).Select(vote => (string)vote.Value!).ToArray();
        var choices = votes.Select(StoredVote.OptionOf).Distinct().ToArray();
        return new ShardCounts(
            choices.ToDictionary(choice => choice, choice => (long)votes.Count(vote => StoredVote.OptionOf(vote) == choice)).ToImmutableDictionary(),
            choices.ToDictionary(choice => choice, choice => (long)votes.Count(vote => StoredVote.OptionOf(vote) == choice && StoredVote.IsSignedIn(vote)))
                .ToImmutableDictionary());
    }

    private static (string Choice, long All, long SignedIn)[] Counted(params (string Choice, long All, long SignedIn)[] counts) =>
        [.. counts.OrderBy(count => count.Choice, StringComparer.Ordinal)];

    private static (string Choice, long All, long SignedIn)[] Flatten(ShardCounts counts) =>
        [.. counts.All.OrderBy(choice => choice.Key, StringComparer.Ordinal)
            .Select(choice => (choice.Key, choice.Value, counts.SignedIn.GetValueOrDefault(choice.Key)))];
}

[Collection(RedisCollection.Name)]
public sealed class ShardVoteCountsOnRedisServerTests(ScriptServer server) : ShardVoteCountsTests(server)
{
    [Fact]
    public async Task Once_counted_a_vote_batch_adds_one_read_and_one_write_of_its_counts_however_many_ballots_it_carries()
    {
        var store = new VoteStore(Server.Connection, Server.Writes);
        var poll = "p" + Guid.NewGuid().ToString("N")[..10];
        await store.CountSplitAsync(poll, 0);
        var options = ConfigurationOptions.Parse(Server.Connection.Configuration);
        options.AllowAdmin = true;
        await using var admin = await ConnectionMultiplexer.ConnectAsync(options);
        var redis = admin.GetServers().Single();
        var before = await CallsAsync(redis);

        await store.CommitAsync(poll, 0, allowChange: false, [.. Enumerable.Range(0, 50).Select(i => new Ballot($"reader-{i}", i % 3 == 0 ? "yes" : "no", i % 2 == 0))]);
        var after = await CallsAsync(redis);

        Assert.Equal(2, after.GetValueOrDefault("hset") - before.GetValueOrDefault("hset"));
        Assert.Equal(2, after.GetValueOrDefault("hmget") - before.GetValueOrDefault("hmget"));
        Assert.Equal(0, after.GetValueOrDefault("hincrby") - before.GetValueOrDefault("hincrby"));
    }

    private static async Task<Dictionary<string, long>> CallsAsync(IServer redis) =>
        (await redis.InfoAsync("commandstats")).SelectMany(group => group).ToDictionary(
            stat => stat.Key["cmdstat_".Length..],
            stat => long.Parse(stat.Value.Split(',')[0]["calls=".Length..], CultureInfo.InvariantCulture));
}

[Collection(EmbeddedStoreCollection.Name)]
public sealed class ShardVoteCountsOnEmbeddedStoreTests(ScriptServerOnEmbeddedStore server) : ShardVoteCountsTests(server);

[Collection(RedisClusterCollection.Name)]
public sealed class ShardVoteCountsOnRedisClusterTests(ScriptServerOnRedisCluster server) : ShardVoteCountsTests(server);
