namespace Moderation.Client.Http;

/// <summary>The JSON bodies of the HTTP contract (docs: shared spec http-api.md), as the client reads and writes them.</summary>
public sealed record TokenResponse(string Token);

public sealed record DevTokenRequest(string Subject, string? Name, IReadOnlyList<string> Roles);

public sealed record HealthResponse(string Status, IReadOnlyDictionary<string, HealthCheckResponse>? Checks);

public sealed record HealthCheckResponse(string Status, string? Description, string? Error);

public sealed record ArticleResponse(string Id, bool CommentsOpen, bool Premoderation, double? HoldThreshold, int CommentCount, IReadOnlyList<string> PollIds);

public sealed record CreatePollRequest(
    string Question,
    IReadOnlyList<string> Options,
    DateTimeOffset? ClosesAt = null,
    bool AllowAnonymous = false,
    bool AllowVoteChange = false);

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

public sealed record PollOptionResponse(string Id, string Text);

public sealed record VoteRequest(string OptionId);

/// <summary><c>outcome</c> is <c>counted</c>, <c>unchanged</c> or <c>changed</c>.</summary>
public sealed record VoteResponse(string PollId, string OptionId, string Outcome);

public sealed record PollResultsResponse(
    string PollId,
    long TotalVotes,
    IReadOnlyList<OptionVotesResponse> Options,
    string Status,
    DateTimeOffset AsOf,
    long Version);

public sealed record OptionVotesResponse(string Id, long Votes);

/// <summary>One event of a <c>text/event-stream</c>: its name (<c>message</c> when the server gave none) and its data lines joined.</summary>
public sealed record ServerSentEvent(string Name, string Data, string? Id);

public static class VoteOutcomes
{
    public const string Counted = "counted";
    public const string Unchanged = "unchanged";
    public const string Changed = "changed";
}
