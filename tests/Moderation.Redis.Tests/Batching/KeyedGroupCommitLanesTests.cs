using System.Collections.Concurrent;
using Moderation.Redis.Batching;

namespace Moderation.Redis.Tests.Batching;

public sealed class KeyedGroupCommitLanesTests
{
    [Fact]
    public async Task Each_key_has_its_own_lane_so_a_held_call_for_one_key_does_not_hold_another()
    {
        var senders = new ConcurrentDictionary<string, HeldSender>();
        var lanes = new KeyedGroupCommitLanes<string, int, string>(key => senders.GetOrAdd(key, _ => new HeldSender()).Send);

        var a = lanes.Add("a", 1);
        var b = lanes.Add("b", 2);
        var a2 = lanes.Add("a", 3);

        Assert.Equal(2, lanes.Count);
        senders["b"].Answer(0);
        Assert.Equal("sent 2", await b);
        Assert.False(a.IsCompleted);
        senders["a"].Answer(0);
        senders["a"].Answer(1);
        Assert.Equal(["sent 1", "sent 3"], await Task.WhenAll(a, a2));
        Assert.Equal([[1], [3]], senders["a"].Calls);
    }

    [Fact]
    public async Task A_key_s_lane_is_dropped_once_idle_and_the_key_s_next_item_goes_through_a_fresh_lane()
    {
        var (lanes, made) = LanesWithAHeldSenderEach();

        var first = lanes.Add("poll/0", 1);
        Assert.Equal(1, lanes.Count);
        made[0].Answer(0);
        Assert.Equal("sent 1", await first);
        Assert.Equal(0, lanes.Count);

        var second = lanes.Add("poll/0", 2);
        Assert.Equal(2, made.Count);
        made[1].Answer(0);
        Assert.Equal("sent 2", await second);
        Assert.Equal([[1]], made[0].Calls);
        Assert.Equal([[2]], made[1].Calls);
    }

    [Fact]
    public async Task A_failed_call_for_a_key_fails_its_batch_and_the_key_s_next_item_is_sent()
    {
        var (lanes, made) = LanesWithAHeldSenderEach();

        var failing = lanes.Add("poll/1", 1);
        made[0].Fail(0, new TimeoutException("the shard did not answer"));
        await Assert.ThrowsAsync<TimeoutException>(() => failing);

        var next = lanes.Add("poll/1", 2);
        Assert.Equal(2, made.Count);
        made[1].Answer(0);
        Assert.Equal("sent 2", await next);
    }

    [Fact]
    public async Task Thousands_of_concurrent_items_over_lanes_that_retire_and_return_are_each_sent_once_and_answered_once()
    {
        const int Rounds = 20;
        const int Workers = 64;
        const int ItemsEach = 10;
        const int Keys = 32;
        var times = new int[Rounds * Workers * ItemsEach];
        var lanesMade = 0;
        var lanes = new KeyedGroupCommitLanes<int, int, int>(
            _ =>
            {
                Interlocked.Increment(ref lanesMade);
                return async batch =>
                {
                    await Task.Yield();
                    foreach (var item in batch)
                    {
                        Interlocked.Increment(ref times[item]);
                    }

                    return [.. batch.Select(item => -item)];
                };
            },
            maxBatch: 16);

        for (var round = 0; round < Rounds; round++)
        {
            // Each worker waits for each answer before its next item, so a lane may go idle and retire while other
            // workers' items are on their way to it.
            var first = round * Workers * ItemsEach;
            await Task.WhenAll(Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
            {
                for (var i = 0; i < ItemsEach; i++)
                {
                    var item = first + worker * ItemsEach + i;
                    Assert.Equal(-item, await lanes.Add(item % Keys, item));
                }
            })));

            // The lanes retire just after they answer their last items; the next round makes them again.
            Assert.True(SpinWait.SpinUntil(() => lanes.Count == 0, TimeSpan.FromSeconds(30)), $"{lanes.Count} lanes stayed after their items");
        }

        Assert.All(times, count => Assert.Equal(1, count));
        Assert.InRange(lanesMade, Rounds * Keys, int.MaxValue);
    }

    /// <summary>Lanes whose every lane gets a sender of its own, in the order the lanes are made.</summary>
    private static (KeyedGroupCommitLanes<string, int, string> Lanes, List<HeldSender> Made) LanesWithAHeldSenderEach()
    {
        var made = new List<HeldSender>();
        var lanes = new KeyedGroupCommitLanes<string, int, string>(_ =>
        {
            var sender = new HeldSender();
            made.Add(sender);
            return sender.Send;
        });
        return (lanes, made);
    }
}
