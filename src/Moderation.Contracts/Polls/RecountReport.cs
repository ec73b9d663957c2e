using System.Collections.Immutable;

namespace Moderation.Contracts.Polls;

/// <summary>Totals recomputed from every stored vote, set against what had been published.</summary>
/// <param name="PollId">The poll.</param>
/// <param name="Published">The totals published before the recount.</param>
/// <param name="Recounted">The totals counted from the stored votes, now published.</param>
/// <param name="Differences">Options whose published and recounted totals differ; empty when exact.</param>
[GenerateSerializer, Immutable, Alias("moderation.recount-report")]
public sealed record RecountReport(
    [property: Id(0)] string PollId,
    [property: Id(1)] ImmutableArray<OptionVotes> Published,
    [property: Id(2)] ImmutableArray<OptionVotes> Recounted,
    [property: Id(3)] ImmutableArray<RecountDifference> Differences);

/// <summary>One option whose published total was wrong.</summary>
/// <param name="OptionId">The option.</param>
/// <param name="Published">What had been published.</param>
/// <param name="Recounted">What the stored votes add up to.</param>
[GenerateSerializer, Immutable, Alias("moderation.recount-difference")]
public sealed record RecountDifference([property: Id(0)] string OptionId, [property: Id(1)] long Published, [property: Id(2)] long Recounted);
