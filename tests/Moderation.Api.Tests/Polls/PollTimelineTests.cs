using System.Collections.Immutable;
using Moderation.Api.Polls;
using Moderation.Contracts.Polls;
using Moderation.Http.Polls;

namespace Moderation.Api.Tests.Polls;

/// <summary>Timeline buckets and rates from snapshots of the totals, and the CSV they are exported in.</summary>
public sealed class PollTimelineTests
{
    private static readonly string[] Options = ["o1", "o2"];
    private static readonly long Noon = new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds() / 60;

    [Fact]
    public void A_minute_holds_the_difference_to_the_next_snapshot_and_the_last_minute_the_difference_to_the_current_totals()
    {
        var snapshots = Snapshots((Noon, 0, 0), (Noon + 1, 3, 1), (Noon + 5, 4, 1));

        var minutes = PollTimeline.Buckets(snapshots, Totals(10, 2), Options, TimeSpan.FromMinutes(1));

        Assert.Equal([Noon, Noon + 1, Noon + 5], minutes.Select(bucket => bucket.Start.ToUnixTimeSeconds() / 60));
        Assert.Equal([[3L, 1L], [1L, 0L], [6L, 1L]], minutes.Select(bucket => bucket.Options.Select(option => option.Votes).ToArray()));
        Assert.Equal([4L, 1L, 7L], minutes.Select(bucket => bucket.Total));
    }

    [Fact]
    public void Hours_add_up_their_minutes_and_start_on_the_hour()
    {
        var snapshots = Snapshots((Noon + 10, 0, 0), (Noon + 59, 2, 0), (Noon + 61, 5, 1));

        var hours = PollTimeline.Buckets(snapshots, Totals(6, 1), Options, TimeSpan.FromHours(1));

        Assert.Equal([new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 28, 13, 0, 0, TimeSpan.Zero)],
            hours.Select(bucket => bucket.Start));
        Assert.Equal([6L, 1L], hours.Select(bucket => bucket.Total));
        Assert.Equal([5L, 1L], hours[0].Options.Select(option => option.Votes));
    }

    [Fact]
    public void A_moved_vote_is_minus_one_and_plus_one_and_a_minute_with_no_net_change_is_left_out()
    {
        var snapshots = Snapshots((Noon, 1, 0), (Noon + 1, 0, 1), (Noon + 2, 0, 1));

        var minutes = PollTimeline.Buckets(snapshots, Totals(0, 1), Options, TimeSpan.FromMinutes(1));

        var only = Assert.Single(minutes);
        Assert.Equal([-1L, 1L], only.Options.Select(option => option.Votes));
        Assert.Equal(0, only.Total);
    }

    [Fact]
    public void The_peak_is_set_against_the_median_of_the_minutes_with_votes()
    {
        var snapshots = Snapshots((Noon, 0, 0), (Noon + 1, 2, 0), (Noon + 2, 4, 0), (Noon + 3, 7, 0), (Noon + 10, 8, 0));

        var rate = PollTimeline.Rate(PollTimeline.Buckets(snapshots, Totals(48, 0), Options, TimeSpan.FromMinutes(1)));

        Assert.Equal(40, rate.PeakPerMinute);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds((Noon + 10) * 60), rate.PeakAt);
        Assert.Equal(2, rate.MedianPerMinute);
        Assert.Equal(20, rate.PeakToMedian);
    }

    [Fact]
    public void A_poll_without_votes_has_no_peak()
    {
        var rate = PollTimeline.Rate(PollTimeline.Buckets(Snapshots(), Totals(0, 0), Options, TimeSpan.FromMinutes(1)));

        Assert.Equal(new RateSignalsResponse(0, null, 0, 0), rate);
    }

    [Fact]
    public void The_csv_quotes_option_text_and_keeps_a_spreadsheet_from_running_it_as_a_formula()
    {
        var poll = new PollDefinition("p1", "a1", "Q?", [new PollOption("o1", "Yes, \"mostly\""), new PollOption("o2", "=HYPERLINK(1)")],
            null, false, false, DateTimeOffset.UnixEpoch, 1);
        var totals = new PollResults("p1", 3, [new OptionVotes("o1", 2), new OptionVotes("o2", 1)], "open", DateTimeOffset.UnixEpoch, 1);
        var minute = new TimelineBucketResponse(DateTimeOffset.FromUnixTimeSeconds(Noon * 60), 3, [new("o1", 2), new("o2", 1)]);

        var csv = PollCsv.Write(poll, totals, [minute]);

        Assert.Equal(
            "series,start,option_id,option,votes\r\n" +
            "total,,o1,\"Yes, \"\"mostly\"\"\",2\r\n" +
            "total,,o2,'=HYPERLINK(1),1\r\n" +
            "minute,2026-11-28T12:00:00Z,o1,\"Yes, \"\"mostly\"\"\",2\r\n" +
            "minute,2026-11-28T12:00:00Z,o2,'=HYPERLINK(1),1\r\n",
            csv);
    }

    [Theory]
    [InlineData("2001:db8:1:2::10", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64")]
    [InlineData("::ffff:198.51.100.7", "198.51.100.7")]
    [InlineData("198.51.100.7", "198.51.100.7")]
    public void An_ipv6_address_counts_as_its_64_and_an_ipv4_address_as_itself(string address, string group)
    {
        Assert.Equal(group, Moderation.Redis.RateLimits.ClientGroups.Of(System.Net.IPAddress.Parse(address)));
    }

    private static ImmutableSortedDictionary<long, ImmutableDictionary<string, long>> Snapshots(params (long Minute, long O1, long O2)[] snapshots) =>
        snapshots.ToImmutableSortedDictionary(snapshot => snapshot.Minute, snapshot => Totals(snapshot.O1, snapshot.O2));

    private static ImmutableDictionary<string, long> Totals(long o1, long o2) =>
        new Dictionary<string, long> { ["o1"] = o1, ["o2"] = o2 }.ToImmutableDictionary();
}
