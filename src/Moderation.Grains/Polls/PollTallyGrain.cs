using System.Collections.Immutable;
using Moderation.Contracts.Polls;
using Moderation.Redis.Polls;

namespace Moderation.Grains.Polls;

/// <summary>
/// Sums the shards' committed tallies and publishes them: a change after a quiet interval at once, and changes that
/// follow it every 250 ms while they go on. On activation it reads every shard's tally from the store, so a restart
/// starts from the committed totals, not from zero. The first change it publishes in a minute first records the totals
/// published before it in the poll's timeline: one write per poll per minute with votes, off the vote path.
/// </summary>
public sealed class PollTallyGrain(VoteStore store, ResultsPublisher publisher, TimelineStore timeline, TimeProvider clock) : Grain, IPollTallyGrain
{
    private static readonly TimeSpan PublishInterval = TimeSpan.FromMilliseconds(250);

    private readonly Dictionary<int, ImmutableDictionary<string, long>> _shards = [];
    private PollView? _poll;
    private PollResults? _published;
    private DateTimeOffset _publishedAt;
    private long? _timelineMinute;
    private bool _changed;

    private string PollId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _poll = await GrainFactory.GetGrain<IPollGrain>(PollId).Get();
        if (_poll is null)
        {
            return;
        }

        for (var shard = 0; shard < _poll.Definition.ShardCount; shard++)
        {
            _shards[shard] = await store.CountAsync(PollId, shard);
        }

        _published = await publisher.ReadAsync(PollId);
        // After a crash the last publication can lag the committed votes by up to one interval.
        _changed = _published is null || !PollAnswers.Counted(_published).SequenceEqual(PollAnswers.Counted(Totals()));
        this.RegisterGrainTimer(PublishIfChanged, new GrainTimerCreationOptions(PublishInterval, PublishInterval));
    }

    public async Task ReportShard(int shard, ImmutableDictionary<string, long> tally)
    {
        // A shard also reports when it activates; a report that changes nothing publishes nothing.
        if (_poll is not null && shard >= 0 && shard < _poll.Definition.ShardCount && !SameCounts(_shards.GetValueOrDefault(shard), tally))
        {
            _shards[shard] = tally;
            _changed = true;
            // A lone vote reaches the live listeners without waiting for the timer; a busy poll still publishes
            // about once per interval, as the timer does.
            if (clock.GetUtcNow() - _publishedAt >= PublishInterval)
            {
                await PublishNow();
            }
        }
    }

    public async Task<PollResults> Publish()
    {
        _poll = await GrainFactory.GetGrain<IPollGrain>(PollId).Get() ?? throw UnknownPoll();
        return await PublishNow();
    }

    public async Task Refresh()
    {
        if (_poll is not null)
        {
            await PublishIfChanged();
        }
    }

    // A poll past its closesAt is closed now, not at the timer's next tick: a read then must not get the open results.
    public async Task<PollResults> GetResults() =>
        _published is { } published && _poll is not null && published.Status == Status(_poll) ? published : await Publish();

    public async Task<RecountReport> Recount()
    {
        var poll = _poll ?? throw UnknownPoll();
        var published = PollAnswers.Counted(_published ?? Totals());
        for (var shard = 0; shard < poll.Definition.ShardCount; shard++)
        {
            _shards[shard] = await store.CountAsync(PollId, shard);
        }

        var recounted = PollAnswers.Counted(await PublishNow());
        var differences = recounted
            .Select(option => new RecountDifference(option.Id, published.FirstOrDefault(p => p.Id == option.Id)?.Votes ?? 0, option.Votes))
            .Where(difference => difference.Published != difference.Recounted)
            .ToImmutableArray();
        return new RecountReport(PollId, published, recounted, differences);
    }

    private async Task PublishIfChanged()
    {
        if (_poll is not null && (_changed || _published?.Status != Status(_poll)))
        {
            await PublishNow();
        }
    }

    private async Task<PollResults> PublishNow()
    {
        _changed = false;
        _publishedAt = clock.GetUtcNow();
        try
        {
            var totals = Totals();
            await RecordTimeline(totals);
            _published = await publisher.PublishAsync(totals, _poll?.Definition.ClosesAt);
        }
        catch
        {
            // The next tick tries again: a shard does not report the same counts twice.
            _changed = true;
            throw;
        }

        return _published;
    }

    /// <summary>
    /// Records the published totals as the start of this minute when this publication is the minute's first change.
    /// A new activation does not know whether the minute is recorded already; the store keeps a minute's first record.
    /// </summary>
    private async Task RecordTimeline(PollResults totals)
    {
        var minute = TimelineStore.MinuteOf(totals.AsOf);
        if (_published is null || minute == _timelineMinute)
        {
            return;
        }

        // Per option, or per value of a scale, whose results have no options.
        var published = PollAnswers.Counted(_published);
        if (published.SequenceEqual(PollAnswers.Counted(totals)))
        {
            return;
        }

        await timeline.RecordAsync(PollId, minute, published.ToDictionary(answer => answer.Id, answer => answer.Votes));
        _timelineMinute = minute;
    }

    private static bool SameCounts(ImmutableDictionary<string, long>? known, ImmutableDictionary<string, long> reported) =>
        known is not null
        && known.Keys.Concat(reported.Keys).All(option => known.GetValueOrDefault(option) == reported.GetValueOrDefault(option));

    private PollResults Totals()
    {
        var poll = _poll ?? throw UnknownPoll();
        return PollTotals.Of(poll.Definition, _shards.Values, Status(poll), clock.GetUtcNow());
    }

    private string Status(PollView poll) => poll.IsClosedAt(clock.GetUtcNow()) ? "closed" : "open";

    private KeyNotFoundException UnknownPoll() => new($"Poll {PollId} does not exist.");
}
