using Moderation.Contracts.Polls;
using Moderation.Testing;

namespace Moderation.Grains.Tests.Polls;

/// <summary>Multiple-choice and scale polls, and scheduled opening, run on each store by the classes below it.</summary>
public abstract class PollKindsTests(ClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Grains;

    [Fact]
    public async Task A_thousand_concurrent_readers_choosing_several_options_with_retries_are_counted_exactly_per_option_and_voter()
    {
        var poll = await TestPolls.CreateMultipleAsync(Grains);
        string[][] picks = [["o1"], ["o1", "o2"], ["o2", "o3", "o4"], ["o1", "o3", "o4"]];
        var readers = Enumerable.Range(0, 1000).Select(i => (Reader: $"multi-{i}", Choice: PollChoices.OfOptions(poll, picks[i % 4])!)).ToArray();
        var retries = readers.Take(200).SelectMany(vote => Enumerable.Repeat(vote, 5));

        var outcomes = await Task.WhenAll(readers.Concat(retries).Select(vote => Grains.VoteAsync(poll, vote.Reader, vote.Choice)));

        Assert.Equal(1000, outcomes.Count(outcome => outcome == VoteOutcome.Counted));
        Assert.Equal(1000, outcomes.Count(outcome => outcome == VoteOutcome.Unchanged));
        var results = await TestPolls.ResultsWithinAsync(Grains, poll.Id, r => r.Voters == 1000, TimeSpan.FromSeconds(2));
        Assert.Equal(1000, results.Voters);
        Assert.Equal([750L, 500L, 500L, 500L], results.Options.Select(option => option.Votes));
        Assert.Equal(2250, results.TotalVotes);
        Assert.Empty((await Grains.GetGrain<IPollTallyGrain>(poll.Id).Recount()).Differences);
    }

    [Fact]
    public async Task A_thousand_concurrent_readers_on_a_scale_give_an_exact_histogram_mean_and_median()
    {
        var poll = await TestPolls.CreateScaleAsync(Grains);
        // Values 1, 2, 2, 4, 5 repeated: 200 ones, 400 twos, 200 fours, 200 fives.
        int[] pattern = [1, 2, 2, 4, 5];
        var readers = Enumerable.Range(0, 1000).Select(i => (Reader: $"scale-{i}", Choice: PollChoices.OfValue(pattern[i % 5]))).ToArray();
        var retries = readers.Take(200).SelectMany(vote => Enumerable.Repeat(vote, 5));

        var outcomes = await Task.WhenAll(readers.Concat(retries).Select(vote => Grains.VoteAsync(poll, vote.Reader, vote.Choice)));

        Assert.Equal(1000, outcomes.Count(outcome => outcome == VoteOutcome.Counted));
        var results = await TestPolls.ResultsWithinAsync(Grains, poll.Id, r => r.Voters == 1000, TimeSpan.FromSeconds(2));
        Assert.Equal([200L, 400L, 0L, 200L, 200L], results.Histogram!.Value.Select(value => value.Votes));
        Assert.Equal([1, 2, 3, 4, 5], results.Histogram!.Value.Select(value => value.Value));
        Assert.Equal(2.8, results.Mean);
        Assert.Equal(2.0, results.Median);
        Assert.Equal(1000, results.TotalVotes);
        Assert.Empty(results.Options);
        Assert.Empty((await Grains.GetGrain<IPollTallyGrain>(poll.Id).Recount()).Differences);
    }

    [Fact]
    public async Task Changing_a_multiple_choice_vote_moves_each_option_and_keeps_one_voter()
    {
        var poll = await TestPolls.CreateMultipleAsync(Grains, allowChange: true);
        await Grains.VoteAsync(poll, "ann", "o1,o2");

        var outcome = await Grains.VoteAsync(poll, "ann", "o2,o3");

        Assert.Equal(VoteOutcome.Changed, outcome);
        var results = await TestPolls.ResultsWithinAsync(Grains, poll.Id, r => r.Options[2].Votes == 1, TimeSpan.FromSeconds(2));
        Assert.Equal([0L, 1L, 1L, 0L], results.Options.Select(option => option.Votes));
        Assert.Equal(1, results.Voters);
    }

    [Fact]
    public async Task Changing_a_scale_vote_is_refused_where_the_poll_does_not_allow_it_and_moves_it_where_it_does()
    {
        var fixedPoll = await TestPolls.CreateScaleAsync(Grains);
        var changeable = await TestPolls.CreateScaleAsync(Grains, allowChange: true);
        await Grains.VoteAsync(fixedPoll, "ann", "2");
        await Grains.VoteAsync(changeable, "ann", "2");

        Assert.Equal(VoteOutcome.ChangeNotAllowed, await Grains.VoteAsync(fixedPoll, "ann", "5"));
        Assert.Equal(VoteOutcome.Changed, await Grains.VoteAsync(changeable, "ann", "5"));

        var recount = await Grains.GetGrain<IPollTallyGrain>(changeable.Id).Recount();
        Assert.Equal([0L, 0L, 0L, 0L, 1L], recount.Recounted.Select(value => value.Votes));
        var results = await Grains.GetGrain<IPollTallyGrain>(changeable.Id).GetResults();
        Assert.Equal(5.0, results.Median);
    }

    [Theory]
    [InlineData("o3,o1")]
    [InlineData("o1,o2,o3,o4")]
    [InlineData("o1,o1")]
    [InlineData("o1,o9")]
    [InlineData("")]
    public async Task A_multiple_choice_vote_that_is_not_one_to_max_choices_distinct_known_options_in_order_is_refused(string choice)
    {
        var poll = await TestPolls.CreateMultipleAsync(Grains);

        Assert.Equal(VoteOutcome.UnknownOption, await Grains.VoteAsync(poll, "ann", choice));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("03")]
    [InlineData("o1")]
    public async Task A_scale_vote_outside_the_scale_or_not_a_plain_number_is_refused(string choice)
    {
        var poll = await TestPolls.CreateScaleAsync(Grains);

        Assert.Equal(VoteOutcome.UnknownOption, await Grains.VoteAsync(poll, "ann", choice));
    }

    [Fact]
    public async Task A_scheduled_poll_refuses_votes_until_it_opens_then_counts_them()
    {
        var poll = await TestPolls.CreateAsync(Grains, opensAt: DateTimeOffset.UtcNow.AddMilliseconds(800));
        Assert.Equal(VoteOutcome.NotYetOpen, await Grains.VoteAsync(poll, "early", "o1"));

        await Task.Delay(1000);

        Assert.Equal(VoteOutcome.Counted, await Grains.VoteAsync(poll, "early", "o1"));
    }

    [Fact]
    public async Task A_moved_opening_is_kept_after_every_grain_is_deactivated_and_clearing_it_opens_every_shard()
    {
        var poll = await TestPolls.CreateAsync(Grains, opensAt: DateTimeOffset.UtcNow.AddHours(1));
        var readers = Enumerable.Range(0, 40).Select(i => $"opening-{i}").ToArray();
        var movedTo = DateTimeOffset.UtcNow.AddDays(3);

        var moved = await Grains.GetGrain<IPollGrain>(poll.Id).Schedule(new PollScheduleChange(false, null, true, movedTo));
        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var reread = await Grains.GetGrain<IPollGrain>(poll.Id).Get();
        var early = await Task.WhenAll(readers.Select(reader => Grains.VoteAsync(poll, reader, "o1")));
        var opened = await Grains.GetGrain<IPollGrain>(poll.Id).Schedule(new PollScheduleChange(false, null, true, null));
        var counted = await Task.WhenAll(readers.Select(reader => Grains.VoteAsync(poll, reader, "o1")));
        var again = await Grains.GetGrain<IPollGrain>(poll.Id).Schedule(new PollScheduleChange(false, null, true, movedTo));

        Assert.Equal(PollScheduleOutcome.Moved, moved.Outcome);
        Assert.Equal(movedTo, reread!.Definition.OpensAt);
        Assert.All(early, outcome => Assert.Equal(VoteOutcome.NotYetOpen, outcome));
        Assert.Equal(PollScheduleOutcome.Moved, opened.Outcome);
        Assert.All(counted, outcome => Assert.Equal(VoteOutcome.Counted, outcome));
        Assert.Equal(PollScheduleOutcome.AlreadyOpen, again.Outcome);
        Assert.Null(again.Poll!.Definition.OpensAt);
    }

    [Fact]
    public async Task A_closed_scale_poll_refuses_votes_and_its_histogram_comes_back_after_every_grain_is_deactivated()
    {
        var poll = await TestPolls.CreateScaleAsync(Grains);
        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Grains.VoteAsync(poll, $"r{i}", i < 10 ? "1" : "3")));
        await Grains.GetGrain<IPollGrain>(poll.Id).Close();

        Assert.Equal(VoteOutcome.PollClosed, await Grains.VoteAsync(poll, "late", "4"));
        await Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var results = await Grains.GetGrain<IPollTallyGrain>(poll.Id).GetResults();

        Assert.Equal("closed", results.Status);
        Assert.Equal([10L, 0L, 20L, 0L, 0L], results.Histogram!.Value.Select(value => value.Votes));
        Assert.Equal(3.0, results.Median);
    }
}

[Collection(ClusterCollection.Name)]
public sealed class PollKindsOnRedisServerTests(ClusterFixture fixture) : PollKindsTests(fixture);

[Collection(EmbeddedStoreCollection.Name)]
public sealed class PollKindsOnEmbeddedStoreTests(ClusterOnEmbeddedStore fixture) : PollKindsTests(fixture);
