using System.Collections.Immutable;

namespace Moderation.Contracts.Polls;

/// <summary>A poll's totals as published to the cache and to live listeners.</summary>
/// <param name="PollId">The poll.</param>
/// <param name="TotalVotes">Sum of the option counts.</param>
/// <param name="Options">Votes per option, in the poll's option order.</param>
/// <param name="Status">"open" or "closed".</param>
/// <param name="AsOf">When the totals were aggregated.</param>
/// <param name="Version">Grows with every publication of this poll's results.</param>
[GenerateSerializer, Immutable, Alias("moderation.poll-results")]
public sealed record PollResults(
    [property: Id(0)] string PollId,
    [property: Id(1)] long TotalVotes,
    [property: Id(2)] ImmutableArray<OptionVotes> Options,
    [property: Id(3)] string Status,
    [property: Id(4)] DateTimeOffset AsOf,
    [property: Id(5)] long Version);

/// <summary>Votes for one option.</summary>
/// <param name="Id">The option id.</param>
/// <param name="Votes">How many readers chose it.</param>
[GenerateSerializer, Immutable, Alias("moderation.option-votes")]
public sealed record OptionVotes([property: Id(0)] string Id, [property: Id(1)] long Votes);
