using System.Collections.Immutable;
using Moderation.Redis.Batching;

namespace Moderation.Redis.Tests.Batching;

public sealed class GroupCommitLaneTests
{
    [Fact]
    public async Task The_first_item_is_sent_at_once_and_items_added_while_that_call_is_under_way_go_together_in_the_next()
    {
        var sender = new HeldSender();
        var lane = new GroupCommitLane<int, string>(sender.Send);

        var first = lane.Add(1);
        Assert.Equal([[1]], sender.Calls);
        var waiting = new[] { lane.Add(2), lane.Add(3), lane.Add(4) };
        Assert.Single(sender.Calls);

        sender.Answer(0);
        Assert.Equal("sent 1", await first);
        Assert.Equal([[1], [2, 3, 4]], sender.Calls);
        Assert.All(waiting, outcome => Assert.False(outcome.IsCompleted));

        sender.Answer(1);
        Assert.Equal(["sent 2", "sent 3", "sent 4"], await Task.WhenAll(waiting));
        Assert.Equal(2, sender.Calls.Count);
    }

    [Fact]
    public async Task A_call_takes_at_most_the_batch_limit_and_the_rest_wait_for_the_next_calls_in_their_order()
    {
        var sender = new HeldSender();
        var lane = new GroupCommitLane<int, string>(sender.Send, maxBatch: 2);

        var outcomes = new List<Task<string>> { lane.Add(1) };
        outcomes.AddRange(Enumerable.Range(2, 5).Select(lane.Add));
        for (var call = 0; call < 4; call++)
        {
            sender.Answer(call);
        }

        Assert.Equal([[1], [2, 3], [4, 5], [6]], sender.Calls);
        Assert.Equal(Enumerable.Range(1, 6).Select(item => $"sent {item}"), await Task.WhenAll(outcomes));
    }

    [Fact]
    public async Task A_failed_call_fails_exactly_its_batch_and_the_items_that_came_during_it_are_still_sent()
    {
        var sender = new HeldSender();
        var lane = new GroupCommitLane<int, string>(sender.Send);
        var first = lane.Add(1);
        var failing = new[] { lane.Add(2), lane.Add(3) };
        sender.Answer(0);
        var after = lane.Add(4);

        var failure = new InvalidOperationException("the store went away");
        sender.Fail(1, failure);
        sender.Answer(2);

        Assert.Equal("sent 1", await first);
        foreach (var outcome in failing)
        {
            Assert.Same(failure, await Assert.ThrowsAsync<InvalidOperationException>(() => outcome));
        }

        Assert.Equal("sent 4", await after);
        Assert.Equal([[1], [2, 3], [4]], sender.Calls);
    }

    [Fact]
    public async Task A_send_function_that_throws_before_returning_a_task_fails_its_batch_and_the_lane_goes_on()
    {
        var calls = 0;
        var lane = new GroupCommitLane<int, string>(batch =>
            ++calls == 1 ? throw new ArgumentException("no such part") : Task.FromResult(batch.Select(item => $"sent {item}").ToArray()));

        await Assert.ThrowsAsync<ArgumentException>(() => lane.Add(1));
        Assert.Equal("sent 2", await lane.Add(2));
    }

    [Fact]
    public async Task A_call_answered_with_fewer_outcomes_than_items_fails_its_whole_batch_rather_than_answering_some()
    {
        var sender = new HeldSender();
        var lane = new GroupCommitLane<int, string>(items => items.Length == 1 ? sender.Send(items) : Task.FromResult(new[] { "one" }));
        var lone = lane.Add(7);
        var pair = new[] { lane.Add(8), lane.Add(9) };

        sender.Answer(0);

        Assert.Equal("sent 7", await lone);
        foreach (var outcome in pair)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => outcome);
        }
    }

    [Fact]
    public async Task An_item_that_reaches_a_lane_as_it_retires_is_refused_rather_than_left_waiting_on_a_lane_that_will_not_send()
    {
        var sender = new HeldSender();
        Task<Task<string>?>? racing = null;
        var retirements = 0;
        var lane = new GroupCommitLane<int, string>(sender.Send, int.MaxValue, retired =>
        {
            retirements++;
            // Another caller that took this lane from its owner a moment ago: it gets the lane's lock only once the
            // retirement holding it is done.
            racing = Task.Factory.StartNew(() => retired.TryAdd(2), CancellationToken.None, TaskCreationOptions.None, TaskScheduler.Default);
        });

        var first = lane.TryAdd(1)!;
        sender.Answer(0);

        Assert.Equal("sent 1", await first);
        Assert.NotNull(racing);
        Assert.Null(await racing);
        Assert.Null(lane.TryAdd(3));
        Assert.Equal(1, retirements);
        Assert.Equal([[1]], sender.Calls);
    }

    [Fact]
    public void A_batch_limit_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new GroupCommitLane<int, string>(_ => Task.FromResult(Array.Empty<string>()), maxBatch: 0));
    }

    [Fact]
    public async Task Thousands_of_concurrent_items_are_each_sent_once_and_answered_with_their_own_outcome()
    {
        var times = new int[20_000];
        var largest = 0;
        var lane = new GroupCommitLane<int, int>(
            async batch =>
            {
                await Task.Yield();
                largest = Math.Max(largest, batch.Length);
                foreach (var item in batch)
                {
                    Interlocked.Increment(ref times[item]);
                }

                return [.. batch.Select(item => -item)];
            },
            maxBatch: 64);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, times.Length).Select(item => Task.Run(() => lane.Add(item))));

        Assert.Equal(Enumerable.Range(0, times.Length).Select(item => -item), outcomes);
        Assert.All(times, count => Assert.Equal(1, count));
        Assert.InRange(largest, 1, 64);
    }
}
