using Moderation.Contracts.Polls;
using Moderation.Http.Polls;

namespace Moderation.Api.Polls;

/// <summary>The HTTP shapes of polls (<see cref="Moderation.Http.Polls"/>) built from the grains' records.</summary>
public static class PollResponses
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
