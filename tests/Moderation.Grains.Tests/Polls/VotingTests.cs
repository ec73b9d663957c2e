using Moderation.Contracts.Polls;
using Moderation.Redis.Polls;
using Moderation.Testing;
using StackExchange.Redis;

namespace Moderation.Grains.Tests.Polls;

/// <summary>The poll suite, run on each store by the classes below it.</summary>
public abstract class VotingTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task A_thousand_concurrent_readers_with_two_hundred_retrying_five_times_are_counted_exactly()
    {
        var poll = await TestPolls.CreateAsync(Grains);
        var readers = Enumerable.Range(0, 1000).Select(i => (Reader: $"reader-{i}", Option: $"o{i % 3 + 1}")).ToArray();
        var retries = readers.Take(200).SelectMany(vote => Enumerable.Repeat(vote, 5));

        var outcomes = await Task.WhenAll(readers.Concat(retries).Select(vote => Grains.VoteAsync(poll, vote.Reader, vote.Option)));

        Assert.Equal(1000, outcomes.Count(outcome => outcome == VoteOutcome.Counted));
        Assert.Equal(1000, outcomes.Count(outcome => outcome == VoteOutcome.Unchanged));
        var expected = readers.GroupBy(vote => vote.Option).ToDictionary(group => group.Key, group => (long)group.Count());
        var results = await TestPolls.ResultsWithinAsync(Grains, poll.Id, r => r.TotalVotes == 1000, TimeSpan.FromSeconds(1));
        Assert.Equal(1000, results.TotalVotes);
        Assert.All(results.Options, option => Assert.Equal(expected[option.Id], option.Votes));
        var recount = await Grains.GetGrain<IPollTallyGrain>(poll.Id).Recount();
        Assert.Empty(recount.Differences);
    }

    [Fact]
    public async Task Banned_readers_in_a_batch_are_refused_and_the_others_in_it_counted()
    {
        var poll = await TestPolls.CreateAsync(Grains, shards: 1);
        using var redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(fixture.Redis.ConnectionString);
        var bans = new Moderation.Redis.Readers.BannedReaders(redis);
        var readers = Enumerable.Range(0, 40).Select(i => $"batch-reader-{i}-{poll.Id}").ToArray();
        foreach (var banned in readers.Where((_, i) => i % 4 == 0))
        {
            await bans.MarkAsync(banned, banned: true);
        }

        var outcomes = await Task.WhenAll(readers.Select(reader => Grains.VoteAsync(poll, reader, "o1")));

        Assert.Equal(readers.Select((_, i) => i % 4 == 0 ? VoteOutcome.Banned : VoteOutcome.Counted), outcomes);
        Assert.Null(await ShardOf(poll, readers[0]).GetVote(readers[0]));
        var recount = await Grains.GetGrain<IPollTallyGrain>(poll.Id).Recount();
        Assert.Equal([30L, 0L, 0L], recount.Recounted.Select(option => option.Votes));
        await bans.MarkAsync(readers[0], banned: false);
        Assert.Equal(VoteOutcome.Counted, await Grains.VoteAsync(poll, readers[0], "o1"));
    }

    [Fact]
    public async Task Votes_retracted_while_others_are_cast_leave_the_published_results_and_the_recount_exact()
    {
        var poll = await TestPolls.CreateAsync(Grains, shards: 2);
        var readers = Enumerable.Range(0, 300).Select(i => (Reader: $"retract-{i}-{poll.Id}", Option: $"o{i % 3 + 1}")).ToArray();
        await Task.WhenAll(readers.Take(200).Select(vote => Grains.VoteAsync(poll, vote.Reader, vote.Option)));

        var retracting = readers.Take(100).Select(vote => ShardOf(poll, vote.Reader).Retract(vote.Reader));
        var voting = readers.Skip(200).Select(vote => Grains.VoteAsync(poll, vote.Reader, vote.Option));
        var retracted = await Task.WhenAll(retracting);
        await Task.WhenAll(voting);
        var again = await ShardOf(poll, readers[0].Reader).Retract(readers[0].Reader);

        Assert.All(retracted, Assert.True);
        Assert.False(again);
        Assert.Null(await ShardOf(poll, readers[0].Reader).GetVote(readers[0].Reader));
        var expected = readers.Skip(100).GroupBy(vote => vote.Option).ToDictionary(group => group.Key, group => (long)group.Count());
        var results = await TestPolls.ResultsWithinAsync(Grains, poll.Id, r => r.TotalVotes == 200, TimeSpan.FromSeconds(2));
        Assert.All(results.Options, option => Assert.Equal(expected[option.Id], option.Votes));
        var recount = await Grains.GetGrain<IPollTallyGrain>(poll.Id).Recount();
        Assert.Empty(recount.Differences);
    }

    [Fact]
    public async Task Votes_sent_together_are_each_answered_in_their_order()
    {
        var poll = await TestPolls.CreateAsync(Grains, shards: 1);
        var shard = ShardOf(poll, "ann");

        var outcomes = await shard.VoteAll(
        [
            new Ballot("ann", "o1", false),
            new Ballot("bob", "o9", false),
            new Ballot("ann", "o1", false),
            new Ballot("cat", "o2", true),
            new Ballot("dan", "o2", false),
        ]);

        Assert.Equal([VoteOutcome.Counted, VoteOutcome.UnknownOption, VoteOutcome.Unchanged, VoteOutcome.AnonymousNotAllowed, VoteOutcome.Counted], outcomes);
        var recount = await Grains.GetGrain<IPollTallyGrain>(poll.Id).Recount();
        Assert.Equal([1L, 1L, 0L], recount.Recounted.Select(option => option.Votes));
    }

    [Fact]
    public async Task Changing_a_vote_moves_one_count_where_the_poll_allows_it()
    {
        var poll = await TestPolls.CreateAsync(Grains, allowChange: true);
        await Grains.VoteAsync(poll, "ann", "o1");

        var outcome = await Grains.VoteAsync(poll, "ann", "o2");

        Assert.Equal(VoteOutcome.Changed, outcome);
        var results = await TestPolls.ResultsWithinAsync(Grains, poll.Id, r => r.Options[1].Votes == 1, TimeSpan.FromSeconds(1));
        Assert.Equal([0L, 1L, 0L], results.Options.Select(option => option.Votes));
        Assert.Equal("o2", await ShardOf(poll, "ann").GetVote("ann"));
    }

    [Fact]
    public async Task Changing_a_vote_is_refused_where_the_poll_does_not_allow_it_and_counts_nothing()
    {
        var poll = await TestPolls.CreateAsync(Grains);
        await Grains.VoteAsync(poll, "ann", "o1");

        var outcome = await Grains.VoteAsync(poll, "ann", "o2");

        Assert.Equal(VoteOutcome.ChangeNotAllowed, outcome);
        Assert.Equal("o1", await ShardOf(poll, "ann").GetVote("ann"));
        var recount = await Grains.GetGrain<IPollTallyGrain>(poll.Id).Recount();
        Assert.Equal([1L, 0L, 0L], recount.Recounted.Select(option => option.Votes));
    }

    [Fact]
    public async Task A_closed_poll_refuses_votes_and_keeps_what_was_counted()
    {
        var poll = await TestPolls.CreateAsync(Grains);
        await Grains.VoteAsync(poll, "ann", "o1");

        var closed = await Grains.GetGrain<IPollGrain>(poll.Id).Close();

        Assert.True(closed!.Closed);
        Assert.Equal(VoteOutcome.PollClosed, await Grains.VoteAsync(poll, "bob", "o2"));
        var results = await Grains.GetGrain<IPollTallyGrain>(poll.Id).GetResults();
        Assert.Equal("closed", results.Status);
        Assert.Equal(1, results.TotalVotes);
    }

    [Fact]
    public async Task A_poll_past_its_closes_at_refuses_votes_though_nobody_closed_it()
    {
        var poll = await TestPolls.CreateAsync(Grains, closesAt: DateTimeOffset.UtcNow.AddMilliseconds(800));
        Assert.Equal(VoteOutcome.Counted, await Grains.VoteAsync(poll, "early", "o1"));

        await Task.Delay(1000);

        Assert.Equal(VoteOutcome.PollClosed, await Grains.VoteAsync(poll, "late", "o1"));
        var results = await TestPolls.ResultsWithinAsync(Grains, poll.Id, r => r.Status == "closed", TimeSpan.FromSeconds(1));
        Assert.Equal("closed", results.Status);
    }

    [Fact]
    public async Task An_unknown_option_is_refused()
    {
        var poll = await TestPolls.CreateAsync(Grains);

        Assert.Equal(VoteOutcome.UnknownOption, await Grains.VoteAsync(poll, "ann", "o9"));
        Assert.Null(await ShardOf(poll, "ann").GetVote("ann"));
    }

    [Fact]
    public async Task Anonymous_voters_are_refused_unless_the_poll_allows_them()
    {
        var closedToAnonymous = await TestPolls.CreateAsync(Grains);
        var openToAnonymous = await TestPolls.CreateAsync(Grains, allowAnonymous: true);

        Assert.Equal(VoteOutcome.AnonymousNotAllowed, await Grains.VoteAsync(closedToAnonymous, "anon-1", "o1", anonymous: true));
        Assert.Equal(VoteOutcome.Counted, await Grains.VoteAsync(openToAnonymous, "anon-1", "o1", anonymous: true));
    }

    [Fact]
    public async Task A_vote_on_a_poll_that_does_not_exist_is_refused()
    {
        var outcome = await Grains.GetGrain<IVoteShardGrain>(VoteSharding.ShardKey("p-missing-" + Guid.NewGuid().ToString("N"), 0))
            .Vote(new Ballot("ann", "o1", false));

        Assert.Equal(VoteOutcome.UnknownPoll, outcome);
    }

    [Fact]
    public async Task Totals_come_back_from_the_store_after_every_grain_is_deactivated()
    {
        var poll = await TestPolls.CreateAsync(Grains);
        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Grains.VoteAsync(poll, $"r{i}", "o2")));
        await TestPolls.ResultsWithinAsync(Grains, poll.Id, r => r.TotalVotes == 30, TimeSpan.FromSeconds(1));

        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await Grains.VoteAsync(poll, "one-more", "o1");
        var results = await TestPolls.ResultsWithinAsync(Grains, poll.Id, r => r.TotalVotes == 31, TimeSpan.FromSeconds(1));

        Assert.Equal([1L, 30L, 0L], results.Options.Select(option => option.Votes));
        Assert.True(results.Version > 1);
    }

    [Fact]
    public async Task A_poll_missing_from_the_editors_list_joins_it_when_it_is_next_used()
    {
        var poll = await TestPolls.CreateAsync(Grains);
        using var connection = await ConnectionMultiplexer.ConnectAsync(fixture.Redis.ConnectionString);
        var database = connection.GetDatabase();
        Assert.NotNull(await database.SortedSetScoreAsync(PollRedisKeys.AllPolls, poll.Id));
        await database.SortedSetRemoveAsync(PollRedisKeys.AllPolls, poll.Id);

        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await Grains.GetGrain<IPollGrain>(poll.Id).Get();

        Assert.Equal(poll.CreatedAt.ToUnixTimeMilliseconds(), await database.SortedSetScoreAsync(PollRedisKeys.AllPolls, poll.Id));
    }

    [Fact]
    public async Task A_lone_vote_is_published_at_once_and_a_report_still_in_flight_never_stalls_the_shard()
    {
        // A shard reports a lone vote's tally at once; a close (or a timer tick) that comes meanwhile, or just after the
        // report's answer and before its sender's turn, waits for it on the same single-threaded scheduler, which must
        // not spin. Repeated, so that the two meet.
        for (var round = 0; round < 20; round++)
        {
            var poll = await TestPolls.CreateAsync(Grains);
            var shard = ShardOf(poll, "lone");

            await Grains.VoteAsync(poll, "lone", "o1");
            await shard.Close().WaitAsync(TimeSpan.FromSeconds(20));

            Assert.Equal("o1", await shard.GetVote("lone").WaitAsync(TimeSpan.FromSeconds(20)));
            var results = await TestPolls.ResultsWithinAsync(Grains, poll.Id, r => r.TotalVotes == 1, TimeSpan.FromSeconds(5));
            Assert.Equal(1, results.Options[0].Votes);
        }
    }

    private IVoteShardGrain ShardOf(PollDefinition poll, string reader) =>
        Grains.GetGrain<IVoteShardGrain>(VoteSharding.ShardKey(poll.Id, VoteSharding.ShardOf(reader, poll.ShardCount)));
}

[Collection(ClusterCollection.Name)]
public sealed class VotingOnRedisServerTests(ClusterFixture fixture) : VotingTests(fixture);

[Collection(EmbeddedStoreCollection.Name)]
public sealed class VotingOnEmbeddedStoreTests(ClusterOnEmbeddedStore fixture) : VotingTests(fixture);

[Collection(RedisClusterCollection.Name)]
public sealed class VotingOnRedisClusterTests(ClusterOnRedisCluster fixture) : VotingTests(fixture);
