using System.Diagnostics;
using System.Diagnostics.Metrics;
using Moderation.Contracts.Comments;
using Moderation.Contracts.Polls;
using Moderation.Redis.Capacity;
using Moderation.Toxicity.Scoring;

namespace Moderation.Api.Telemetry;

/// <summary>
/// The service's own instruments, all on one meter. Each is recorded on the silo that answered the request, so
/// a cluster's figure is the sum over its silos. Every call site is one line; the names are what dashboards see.
/// </summary>
public sealed class ModerationMetrics
{
    public const string MeterName = "Moderation";

    private readonly Counter<long> _votes;
    private readonly Counter<long> _comments;
    private readonly Counter<long> _holds;
    private readonly Histogram<double> _scoring;
    private readonly Counter<long> _resultsReads;

    public ModerationMetrics(IMeterFactory meters, QueueSizes queues, StoreCapacity capacity)
    {
        var meter = meters.Create(MeterName);
        _votes = meter.CreateCounter<long>("moderation.votes", "{vote}", "Votes acknowledged, by outcome: counted, changed or unchanged.");
        _comments = meter.CreateCounter<long>("moderation.comments.posted", "{comment}", "Comments stored, by outcome: published or pending.");
        _holds = meter.CreateCounter<long>("moderation.comments.held", "{comment}", "Comments held for a moderator, by reason (a comment may have two).");
        _scoring = meter.CreateHistogram<double>("moderation.toxicity.duration", "s", "Time to score one comment with the toxicity model, explanation included.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1] });
        _resultsReads = meter.CreateCounter<long>("moderation.poll_results.reads", "{read}", "Poll results reads, by whether the Redis cache had them (hit) or the tally grain answered (miss).");
        meter.CreateObservableGauge("moderation.queue.size", queues.Observe, "{comment}",
            "Comments in a moderation queue site-wide (pending, reported), as last sampled; see Telemetry:QueueSampleInterval.");
        meter.CreateObservableGauge("moderation.store.fill", () => StoreFill(capacity), "1",
            "Fraction of the embedded store's memory in use, as last sampled (writes are refused from Storage:EmbeddedRefuseWritesAt); absent when the store is not guarded.");
    }

    public void VoteAnswered(VoteOutcome outcome)
    {
        if (outcome is VoteOutcome.Counted or VoteOutcome.Changed or VoteOutcome.Unchanged)
        {
            _votes.Add(1, new KeyValuePair<string, object?>("outcome", OutcomeName(outcome)));
        }
    }

    public void CommentPosted(CommentView comment)
    {
        _comments.Add(1, new KeyValuePair<string, object?>("outcome", comment.Status));
        foreach (var reason in comment.Status == CommentStatus.Pending ? comment.Reasons : [])
        {
            _holds.Add(1, new KeyValuePair<string, object?>("reason", reason));
        }
    }

    /// <summary>Scores the text and records how long the model took.</summary>
    public ToxicityResult Score(ToxicityScorer scorer, string text)
    {
        var started = Stopwatch.GetTimestamp();
        var result = scorer.Score(text);
        _scoring.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("model", result.ModelVersion));
        return result;
    }

    public void ResultsRead(bool fromCache) =>
        _resultsReads.Add(1, new KeyValuePair<string, object?>("cache", fromCache ? "hit" : "miss"));

    private static IEnumerable<Measurement<double>> StoreFill(StoreCapacity capacity) =>
        capacity.Last is { } reading
            ? [new Measurement<double>(reading.Fill, new KeyValuePair<string, object?>("level", reading.Level.ToString().ToLowerInvariant()))]
            : [];

    private static string OutcomeName(VoteOutcome outcome) => outcome switch
    {
        VoteOutcome.Counted => "counted",
        VoteOutcome.Changed => "changed",
        _ => "unchanged",
    };
}
