using System.Text.Json.Serialization;

namespace Moderation.Http.Polls;

/// <summary>A new poll.</summary>
/// <param name="Question">The question.</param>
/// <param name="Options">The answers, 2 to 10.</param>
/// <param name="ClosesAt">When voting ends, or null.</param>
/// <param name="AllowAnonymous">Whether anonymous readers may vote.</param>
/// <param name="AllowVoteChange">Whether a reader may change their vote.</param>
/// <param name="Kind">single (default), multiple or scale.</param>
/// <param name="MaxChoices">For multiple: the most options a reader may choose; default all of them.</param>
/// <param name="Scale">For scale: its range and labels.</param>
/// <param name="ResultsVisibility">always (default), after-vote or after-close.</param>
/// <param name="OpensAt">When voting starts, or null for at once.</param>
public sealed record CreatePollRequest(
    string? Question,
    IReadOnlyList<string>? Options,
    DateTimeOffset? ClosesAt = null,
    bool? AllowAnonymous = null,
    bool? AllowVoteChange = null,
    string? Kind = null,
    int? MaxChoices = null,
    PollScaleShape? Scale = null,
    string? ResultsVisibility = null,
    DateTimeOffset? OpensAt = null);

/// <summary>An opinion scale: whole numbers from min to max with labels for its ends.</summary>
/// <param name="Min">The lowest value.</param>
/// <param name="Max">The highest value.</param>
/// <param name="MinLabel">What the lowest value means.</param>
/// <param name="MaxLabel">What the highest value means.</param>
public sealed record PollScaleShape(int? Min, int? Max, string? MinLabel, string? MaxLabel);

/// <summary>A vote: optionId for single, optionIds for multiple, value for scale.</summary>
/// <param name="OptionId">The option, for a single-choice poll.</param>
/// <param name="OptionIds">The options, for a multiple-choice poll.</param>
/// <param name="Value">The value, for a scale.</param>
public sealed record VoteRequest(string? OptionId, IReadOnlyList<string>? OptionIds = null, int? Value = null);

/// <summary>A poll as the API answers it.</summary>
/// <param name="Id">The poll id.</param>
/// <param name="ArticleId">The article it belongs to.</param>
/// <param name="Question">The question.</param>
/// <param name="Options">The answers.</param>
/// <param name="Status">open or closed.</param>
/// <param name="ClosesAt">When voting ends, or null.</param>
/// <param name="AllowAnonymous">Whether anonymous readers may vote.</param>
/// <param name="AllowVoteChange">Whether a reader may change their vote.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="Kind">single, multiple or scale.</param>
/// <param name="MaxChoices">For multiple: the most options a reader may choose.</param>
/// <param name="Scale">For scale: its range and labels.</param>
/// <param name="ResultsVisibility">always, after-vote or after-close.</param>
/// <param name="OpensAt">When voting starts, or null.</param>
public sealed record PollResponse(
    string Id,
    string ArticleId,
    string Question,
    IReadOnlyList<PollOptionResponse> Options,
    string Status,
    DateTimeOffset? ClosesAt,
    bool AllowAnonymous,
    bool AllowVoteChange,
    DateTimeOffset CreatedAt,
    string Kind = "single",
    int? MaxChoices = null,
    PollScaleShape? Scale = null,
    string ResultsVisibility = "always",
    DateTimeOffset? OpensAt = null);

/// <summary>One answer of a poll.</summary>
/// <param name="Id">The option id.</param>
/// <param name="Text">What it says.</param>
public sealed record PollOptionResponse(string Id, string Text);

/// <summary>What became of a vote.</summary>
/// <param name="PollId">The poll.</param>
/// <param name="OptionId">The option voted for, in a single-choice poll.</param>
/// <param name="Outcome">counted, unchanged or changed.</param>
/// <param name="OptionIds">The options voted for, in a multiple-choice poll.</param>
/// <param name="Value">The value voted for, on a scale.</param>
public sealed record VoteResponse(string PollId, string? OptionId, string Outcome, IReadOnlyList<string>? OptionIds = null, int? Value = null);

/// <summary>The reader's own vote: the field of the poll's kind is set.</summary>
/// <param name="OptionId">The option the reader voted for, in a single-choice poll; every field is null before they voted.</param>
/// <param name="OptionIds">The options, in a multiple-choice poll.</param>
/// <param name="Value">The value, on a scale.</param>
public sealed record MyVoteResponse(string? OptionId, IReadOnlyList<string>? OptionIds = null, int? Value = null);

/// <summary>A poll's published results: the same JSON the service caches and sends on its event stream.</summary>
/// <param name="PollId">The poll.</param>
/// <param name="TotalVotes">Votes over all options.</param>
/// <param name="Options">Votes per option.</param>
/// <param name="Status">open or closed.</param>
/// <param name="AsOf">When they were counted.</param>
/// <param name="Version">Grows with every publication.</param>
/// <param name="Voters">How many readers voted.</param>
/// <param name="Histogram">For a scale: votes per value.</param>
/// <param name="Mean">For a scale: the mean value.</param>
/// <param name="Median">For a scale: the median value.</param>
public sealed record PollResultsResponse(
    string PollId,
    long TotalVotes,
    IReadOnlyList<OptionVotesResponse> Options,
    string Status,
    DateTimeOffset AsOf,
    long Version,
    long Voters = 0,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ScaleVotesResponse>? Histogram = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Mean = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Median = null);

/// <summary>Votes for one value of a scale.</summary>
/// <param name="Value">The value.</param>
/// <param name="Votes">Its votes.</param>
public sealed record ScaleVotesResponse(int Value, long Votes);

/// <summary>Votes for one option.</summary>
/// <param name="Id">The option id.</param>
/// <param name="Votes">Its votes.</param>
public sealed record OptionVotesResponse(string Id, long Votes);

/// <summary>A new schedule for a poll; a time left out of the request stays as it is.</summary>
public sealed class SchedulePollRequest
{
    private readonly DateTimeOffset? _closesAt;
    private readonly DateTimeOffset? _opensAt;

    /// <summary>When voting ends by itself, in the future; null for never.</summary>
    public DateTimeOffset? ClosesAt { get => _closesAt; init { _closesAt = value; HasClosesAt = true; } }

    /// <summary>When voting starts, in the future, for a poll not open yet; null to open it now.</summary>
    public DateTimeOffset? OpensAt { get => _opensAt; init { _opensAt = value; HasOpensAt = true; } }

    /// <summary>Whether the request names closesAt (null included).</summary>
    [JsonIgnore]
    public bool HasClosesAt { get; private init; }

    /// <summary>Whether the request names opensAt (null included).</summary>
    [JsonIgnore]
    public bool HasOpensAt { get; private init; }
}
