using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Moderation.Contracts.Polls;

/// <summary>A poll's totals as published to the cache and to live listeners.</summary>
/// <param name="PollId">The poll.</param>
/// <param name="TotalVotes">Sum of the option counts (of the histogram's for a scale).</param>
/// <param name="Options">Votes per option, in the poll's option order; empty for a scale.</param>
/// <param name="Status">"open" or "closed".</param>
/// <param name="AsOf">When the totals were aggregated.</param>
/// <param name="Version">Grows with every publication of this poll's results.</param>
/// <param name="Voters">How many readers voted; below TotalVotes only where a reader may choose several options.</param>
/// <param name="Histogram">For a scale: votes per value, from min to max; null otherwise.</param>
/// <param name="Mean">For a scale: the mean value, null before any vote.</param>
/// <param name="Median">For a scale: the median value, null before any vote.</param>
[GenerateSerializer, Immutable, Alias("moderation.poll-results")]
public sealed record PollResults(
    [property: Id(0)] string PollId,
    [property: Id(1)] long TotalVotes,
    [property: Id(2)] ImmutableArray<OptionVotes> Options,
    [property: Id(3)] string Status,
    [property: Id(4)] DateTimeOffset AsOf,
    [property: Id(5)] long Version,
    [property: Id(6)] long Voters = 0,
    [property: Id(7), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ImmutableArray<ScaleVotes>? Histogram = null,
    [property: Id(8), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Mean = null,
    [property: Id(9), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Median = null);

/// <summary>Votes for one option.</summary>
/// <param name="Id">The option id.</param>
/// <param name="Votes">How many readers chose it.</param>
[GenerateSerializer, Immutable, Alias("moderation.option-votes")]
public sealed record OptionVotes([property: Id(0)] string Id, [property: Id(1)] long Votes);

/// <summary>Votes for one value of a scale.</summary>
/// <param name="Value">The value.</param>
/// <param name="Votes">How many readers chose it.</param>
[GenerateSerializer, Immutable, Alias("moderation.scale-votes")]
public sealed record ScaleVotes([property: Id(0)] int Value, [property: Id(1)] long Votes);
