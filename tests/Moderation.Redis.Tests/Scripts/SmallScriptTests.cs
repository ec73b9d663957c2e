using Moderation.Contracts.Comments;
using Moderation.Contracts.Moderators;
using Moderation.Contracts.Polls;
using Moderation.Grains.Comments;
using Moderation.Grains.Moderators;
using Moderation.Grains.Polls;
using Moderation.Redis.Comments;
using Moderation.Redis.Moderators;
using Moderation.Redis.Polls;
using StackExchange.Redis;

namespace Moderation.Redis.Tests.Scripts;

/// <summary>The vote, audit, recount and page-cache scripts on a real server; run on each store by the classes below.</summary>
public abstract class SmallScriptTests(ScriptServer server)
{
    protected ScriptServer Server => server;

    private IDatabase Redis => server.Database;

    [Fact]
    public async Task The_vote_script_counts_a_new_vote_keeps_a_repeated_one_and_moves_or_refuses_a_changed_one()
    {
        var store = new VoteStore(server.Connection, server.Writes);
        var poll = "p" + Guid.NewGuid().ToString("N")[..10];

        var first = await store.CommitAsync(poll, 3, allowChange: false, [new Ballot("ann", "yes", false), new Ballot("bob", "no", false)]);
        var refused = await store.CommitAsync(poll, 3, allowChange: false, [new Ballot("ann", "no", false), new Ballot("bob", "no", false)]);
        var moved = await store.CommitAsync(poll, 3, allowChange: true, [new Ballot("ann", "no", false)]);
        var counts = await store.CountAsync(poll, 3);

        Assert.Equal([VoteOutcome.Counted, VoteOutcome.Counted], first.Select(vote => vote.Outcome));
        Assert.Equal([VoteOutcome.ChangeNotAllowed, VoteOutcome.Unchanged], refused.Select(vote => vote.Outcome));
        Assert.Equal(new CommittedVote(VoteOutcome.Changed, "yes"), moved.Single());
        Assert.Equal(2, counts["no"]);
        Assert.False(counts.ContainsKey("yes"));
        Assert.Equal("no", await store.ReadVoteAsync(poll, 3, "ann"));
    }

    [Fact]
    public async Task Signed_in_votes_are_counted_apart_exactly_through_a_change_and_an_anonymous_vote_is_stored_as_before()
    {
        var store = new VoteStore(server.Connection, server.Writes);
        var poll = "p" + Guid.NewGuid().ToString("N")[..10];
        // A signed-in reader's vote stored before votes were marked counts as anonymous and is still theirs.
        await Redis.HashSetAsync(PollRedisKeys.Votes(poll, 0), "old-timer", "o1");

        await store.CommitAsync(poll, 0, allowChange: true,
            [new Ballot("mia", "o1", false), new Ballot("anon-1", "o1", true), new Ballot("ben", "o2", false), new Ballot("old-timer", "o1", false)]);
        var moved = await store.CommitAsync(poll, 0, allowChange: true, [new Ballot("mia", "o2", false), new Ballot("old-timer", "o2", false)]);
        var counts = await store.CountSplitAsync(poll, 0);

        Assert.Equal([new CommittedVote(VoteOutcome.Changed, "o1"), new CommittedVote(VoteOutcome.Changed, "o1")], moved);
        Assert.Equal(1, counts.All["o1"]);
        Assert.Equal(3, counts.All["o2"]);
        Assert.Equal(0, counts.SignedIn["o1"]);
        Assert.Equal(3, counts.SignedIn["o2"]);
        Assert.Equal("o1", (string?)await Redis.HashGetAsync(PollRedisKeys.Votes(poll, 0), "anon-1"));
        Assert.Equal("o2", await store.ReadVoteAsync(poll, 0, "mia"));
    }

    [Fact]
    public async Task A_minutes_first_timeline_record_stands_and_the_timeline_expires_with_the_polls_analytics()
    {
        var timeline = new TimelineStore(server.Connection);
        var poll = "p" + Guid.NewGuid().ToString("N")[..10];

        await timeline.RecordAsync(poll, 100, new Dictionary<string, long> { ["o1"] = 2, ["o2"] = 0 });
        await timeline.RecordAsync(poll, 100, new Dictionary<string, long> { ["o1"] = 5 });
        await timeline.RecordAsync(poll, 102, new Dictionary<string, long> { ["o1"] = 5, ["o2"] = 1 });
        var read = await timeline.ReadAsync(poll);

        Assert.Equal([100L, 102L], read.Keys);
        Assert.Equal(2, read[100]["o1"]);
        Assert.False(read[100].ContainsKey("o2"));
        Assert.Equal(1, read[102]["o2"]);
        Assert.True(await Redis.KeyTimeToLiveAsync(PollRedisKeys.Timeline(poll)) > TimeSpan.FromDays(89));
    }

    [Fact]
    public async Task A_reader_twice_in_one_vote_batch_meets_their_own_earlier_ballot()
    {
        var store = new VoteStore(server.Connection, server.Writes);
        var poll = "p" + Guid.NewGuid().ToString("N")[..10];

        var fixedVote = await store.CommitAsync(poll, 1, allowChange: false,
            [new Ballot("ann", "yes", false), new Ballot("ann", "no", false), new Ballot("ann", "yes", false)]);
        var movedVote = await store.CommitAsync(poll, 2, allowChange: true,
            [new Ballot("bob", "yes", false), new Ballot("bob", "no", false), new Ballot("bob", "no", false)]);

        Assert.Equal([VoteOutcome.Counted, VoteOutcome.ChangeNotAllowed, VoteOutcome.Unchanged], fixedVote.Select(vote => vote.Outcome));
        Assert.Equal(
            [new CommittedVote(VoteOutcome.Counted, null), new CommittedVote(VoteOutcome.Changed, "yes"), new CommittedVote(VoteOutcome.Unchanged, null)],
            movedVote);
        Assert.Equal("yes", await store.ReadVoteAsync(poll, 1, "ann"));
        Assert.Equal("no", await store.ReadVoteAsync(poll, 2, "bob"));
    }

    [Fact]
    public async Task A_batch_of_a_thousand_ballots_is_one_script_that_stores_every_vote()
    {
        var store = new VoteStore(server.Connection, server.Writes);
        var poll = "p" + Guid.NewGuid().ToString("N")[..10];
        var ballots = Enumerable.Range(0, 1000).Select(i => new Ballot($"reader-{i}", i % 3 == 0 ? "yes" : "no", false)).ToArray();

        var committed = await store.CommitAsync(poll, 0, allowChange: false, ballots);
        var counts = await store.CountAsync(poll, 0);

        Assert.All(committed, vote => Assert.Equal(VoteOutcome.Counted, vote.Outcome));
        Assert.Equal(334, counts["yes"]);
        Assert.Equal(666, counts["no"]);
    }

    [Fact]
    public async Task The_audit_script_numbers_a_record_and_indexes_it_by_moderator_but_not_by_an_absent_comment()
    {
        var store = new AuditStore(server.Connection, server.Writes);
        var moderator = "mod-" + Guid.NewGuid().ToString("N")[..8];
        var entry = new AuditEntry(DateTimeOffset.UtcNow, moderator, null, "ivan", "ban", "insults", null, null, null, null);

        await store.AppendAsync(entry);
        var page = await store.PageAsync(null, moderator, 10, null);

        Assert.Equal(entry with { At = page.Items.Single().At }, page.Items.Single());
        Assert.False(await Redis.KeyExistsAsync(CommentRedisKeys.Unused(0, "ivan", "audit-comment")));
    }

    [Fact]
    public async Task The_recount_script_stores_counts_only_while_the_thread_version_is_the_one_read()
    {
        var comments = new CommentStore(server.Connection, server.Writes, server.Parts, server.Webhooks, TimeProvider.System);
        var article = TestData.NewArticle();
        var parent = (await comments.PostAsync(TestData.Draft(article), null)).Comment!;
        var version = (string)(await Redis.StringGetAsync(CommentRedisKeys.ThreadVersion(TestData.Part(article), article)))!;
        var correction = new CommentRecount.Correction(TestData.Part(article), article, [parent.Id]);

        var stale = await CommentRecount.StoreIfUnchanged.EvaluateAsync(server.Database, correction, ["0", 5, 9]);
        var stored = await CommentRecount.StoreIfUnchanged.EvaluateAsync(server.Database, correction, [version, 5, 9]);

        Assert.Equal(-1, (long)stale);
        Assert.Equal(1, (long)stored);
        Assert.Equal("5", (string?)await Redis.HashGetAsync(CommentRedisKeys.Counts(TestData.Part(article), article), "published"));
        Assert.Equal(9, (await comments.ReadAsync(parent.Id))!.ReplyCount);
        Assert.NotEqual(version, (string?)await Redis.StringGetAsync(CommentRedisKeys.ThreadVersion(TestData.Part(article), article)));
    }

    [Fact]
    public async Task The_page_cache_script_stores_a_page_only_at_the_current_thread_version()
    {
        var article = TestData.NewArticle();
        await Redis.StringSetAsync(CommentRedisKeys.ThreadVersion(TestData.Part(article), article), "4");
        var slot = new ThreadStore.PageSlot(TestData.Part(article), article, "newest");

        var old = await ThreadStore.StoreIfCurrent.EvaluateAsync(server.Database, slot, ["3", "[old]"]);
        var current = await ThreadStore.StoreIfCurrent.EvaluateAsync(server.Database, slot, ["4", "[page]"]);

        Assert.Equal(0, (long)old);
        Assert.Equal(1, (long)current);
        Assert.Equal("4\n[page]", (string?)await Redis.StringGetAsync(CommentRedisKeys.FirstPage(TestData.Part(article), article, "newest")));
    }

    [Fact]
    public async Task The_queue_page_reads_what_the_scripts_queued_in_score_order_with_a_cursor()
    {
        var comments = new CommentStore(server.Connection, server.Writes, server.Parts, server.Webhooks, TimeProvider.System);
        var queues = new QueueStore(server.Connection, server.Parts);
        var article = TestData.NewArticle();
        foreach (var score in new[] { 0.2, 0.9, 0.5 })
        {
            await comments.PostAsync(TestData.Draft(article, held: true, score: score), null);
        }

        var first = await queues.PageAsync(QueueNames.Pending, article, "score", 2, null);
        var second = await queues.PageAsync(QueueNames.Pending, article, "score", 2, first.NextCursor);

        Assert.Equal([0.9, 0.5], first.Items.Select(item => item.Comment.Score));
        Assert.Equal([0.2], second.Items.Select(item => item.Comment.Score));
        Assert.Equal(3, first.Pending);
        Assert.Null(second.NextCursor);
    }
}

[Collection(RedisCollection.Name)]
public sealed class SmallScriptOnRedisServerTests(ScriptServer server) : SmallScriptTests(server)
{
    // The embedded store waits for an append-only file commit after each write command, scripts included, so the
    // number of write commands per batch is the number of disk writes per batch there. Garnet keeps no command
    // statistics by default; redis-server runs the same script and counts its commands.
    [Fact]
    public async Task A_vote_batch_costs_a_read_of_its_votes_a_read_of_its_counts_and_one_write_however_many_ballots_it_carries()
    {
        var store = new VoteStore(Server.Connection, Server.Writes);
        var poll = "p" + Guid.NewGuid().ToString("N")[..10];
        var options = ConfigurationOptions.Parse(Server.Connection.Configuration);
        options.AllowAdmin = true;
        await using var admin = await ConnectionMultiplexer.ConnectAsync(options);
        var redis = admin.GetServers().Single();
        var before = await CallsAsync(redis);

        await store.CommitAsync(poll, 0, allowChange: false, [.. Enumerable.Range(0, 50).Select(i => new Ballot($"reader-{i}", "yes", false))]);
        var after = await CallsAsync(redis);

        // The counts are not built yet (no signals read): they are only looked at, not written.
        Assert.Equal(2, after.GetValueOrDefault("hmget") - before.GetValueOrDefault("hmget"));
        Assert.Equal(1, after.GetValueOrDefault("hset") - before.GetValueOrDefault("hset"));
        Assert.Equal(0, after.GetValueOrDefault("hget") - before.GetValueOrDefault("hget"));
    }

    private static async Task<Dictionary<string, long>> CallsAsync(IServer redis) =>
        (await redis.InfoAsync("commandstats")).SelectMany(group => group).ToDictionary(
            stat => stat.Key["cmdstat_".Length..],
            stat => long.Parse(stat.Value.Split(',')[0]["calls=".Length..], System.Globalization.CultureInfo.InvariantCulture));
}

[Collection(EmbeddedStoreCollection.Name)]
public sealed class SmallScriptOnEmbeddedStoreTests(ScriptServerOnEmbeddedStore server) : SmallScriptTests(server);

[Collection(RedisClusterCollection.Name)]
public sealed class SmallScriptOnRedisClusterTests(ScriptServerOnRedisCluster server) : SmallScriptTests(server);
