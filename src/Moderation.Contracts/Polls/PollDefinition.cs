using System.Collections.Immutable;

namespace Moderation.Contracts.Polls;

/// <summary>A poll as an editor created it.</summary>
/// <param name="Id">Server-made poll id.</param>
/// <param name="ArticleId">The article the poll belongs to.</param>
/// <param name="Question">The question readers answer.</param>
/// <param name="Options">The answers, in display order.</param>
/// <param name="ClosesAt">When voting ends by itself; null for never.</param>
/// <param name="AllowAnonymous">Whether anonymous tokens may vote.</param>
/// <param name="AllowVoteChange">Whether a reader may move their vote to another option.</param>
/// <param name="CreatedAt">When the poll was created.</param>
/// <param name="ShardCount">How many vote shards the poll's voters are spread over; fixed for the poll's life.</param>
/// <param name="Kind">How readers answer: one option, several options, or a value on a scale.</param>
/// <param name="MaxChoices">For <see cref="PollKind.Multiple"/>: the most options one reader may choose.</param>
/// <param name="Scale">For <see cref="PollKind.Scale"/>: its range and labels; null otherwise.</param>
/// <param name="ResultsVisibility">When readers may see the results.</param>
/// <param name="OpensAt">When voting starts; null for at once.</param>
[GenerateSerializer, Immutable, Alias("moderation.poll-definition")]
public sealed record PollDefinition(
    [property: Id(0)] string Id,
    [property: Id(1)] string ArticleId,
    [property: Id(2)] string Question,
    [property: Id(3)] ImmutableArray<PollOption> Options,
    [property: Id(4)] DateTimeOffset? ClosesAt,
    [property: Id(5)] bool AllowAnonymous,
    [property: Id(6)] bool AllowVoteChange,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] int ShardCount,
    [property: Id(9)] PollKind Kind = PollKind.Single,
    [property: Id(10)] int MaxChoices = 1,
    [property: Id(11)] PollScale? Scale = null,
    [property: Id(12)] ResultsVisibility ResultsVisibility = ResultsVisibility.Always,
    [property: Id(13)] DateTimeOffset? OpensAt = null)
{
    /// <summary>True when <paramref name="optionId"/> is one of the poll's options.</summary>
    public bool HasOption(string optionId) => Options.Any(option => option.Id == optionId);
}

/// <summary>One answer of a poll.</summary>
/// <param name="Id">Server-made option id.</param>
/// <param name="Text">What readers see.</param>
[GenerateSerializer, Immutable, Alias("moderation.poll-option")]
public sealed record PollOption([property: Id(0)] string Id, [property: Id(1)] string Text);
