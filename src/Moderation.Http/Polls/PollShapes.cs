namespace Moderation.Http.Polls;

/// <summary>A new poll.</summary>
/// <param name="Question">The question.</param>
/// <param name="Options">The answers, 2 to 10.</param>
/// <param name="ClosesAt">When voting ends, or null.</param>
/// <param name="AllowAnonymous">Whether anonymous readers may vote.</param>
/// <param name="AllowVoteChange">Whether a reader may change their vote.</param>
public sealed record CreatePollRequest(
    string? Question, IReadOnlyList<string>? Options, DateTimeOffset? ClosesAt = null, bool? AllowAnonymous = null, bool? AllowVoteChange = null);

/// <summary>A vote for one option.</summary>
/// <param name="OptionId">The option.</param>
public sealed record VoteRequest(string? OptionId);

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
public sealed record PollResponse(
    string Id,
    string ArticleId,
    string Question,
    IReadOnlyList<PollOptionResponse> Options,
    string Status,
    DateTimeOffset? ClosesAt,
    bool AllowAnonymous,
    bool AllowVoteChange,
    DateTimeOffset CreatedAt);

/// <summary>One answer of a poll.</summary>
/// <param name="Id">The option id.</param>
/// <param name="Text">What it says.</param>
public sealed record PollOptionResponse(string Id, string Text);

/// <summary>What became of a vote.</summary>
/// <param name="PollId">The poll.</param>
/// <param name="OptionId">The option voted for.</param>
/// <param name="Outcome">counted, unchanged or changed.</param>
public sealed record VoteResponse(string PollId, string OptionId, string Outcome);

/// <summary>The reader's own vote.</summary>
/// <param name="OptionId">The option the reader voted for; null before they voted.</param>
public sealed record MyVoteResponse(string? OptionId);

/// <summary>A poll's published results: the same JSON the service caches and sends on its event stream.</summary>
/// <param name="PollId">The poll.</param>
/// <param name="TotalVotes">Votes over all options.</param>
/// <param name="Options">Votes per option.</param>
/// <param name="Status">open or closed.</param>
/// <param name="AsOf">When they were counted.</param>
/// <param name="Version">Grows with every publication.</param>
public sealed record PollResultsResponse(
    string PollId, long TotalVotes, IReadOnlyList<OptionVotesResponse> Options, string Status, DateTimeOffset AsOf, long Version);

/// <summary>Votes for one option.</summary>
/// <param name="Id">The option id.</param>
/// <param name="Votes">Its votes.</param>
public sealed record OptionVotesResponse(string Id, long Votes);
