using Moderation.Contracts.Polls;

namespace Moderation.Api.Polls;

public sealed record CreatePollRequest(
    string? Question, string[]? Options, DateTimeOffset? ClosesAt, bool? AllowAnonymous, bool? AllowVoteChange);

public sealed record VoteRequest(string? OptionId);

public sealed record PollResponse(
    string Id,
    string ArticleId,
    string Question,
    IReadOnlyList<PollOptionResponse> Options,
    string Status,
    DateTimeOffset? ClosesAt,
    bool AllowAnonymous,
    bool AllowVoteChange,
    DateTimeOffset CreatedAt)
{
    public static PollResponse From(PollView poll, DateTimeOffset now)
    {
        var definition = poll.Definition;
        return new PollResponse(
            definition.Id,
            definition.ArticleId,
            definition.Question,
            [.. definition.Options.Select(option => new PollOptionResponse(option.Id, option.Text))],
            poll.IsClosedAt(now) ? "closed" : "open",
            definition.ClosesAt,
            definition.AllowAnonymous,
            definition.AllowVoteChange,
            definition.CreatedAt);
    }
}

public sealed record PollOptionResponse(string Id, string Text);

public sealed record VoteResponse(string PollId, string OptionId, string Outcome);

public sealed record MyVoteResponse(string OptionId);
