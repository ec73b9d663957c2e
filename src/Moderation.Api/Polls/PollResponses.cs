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
            poll.IsClosedAt(now) ? "closed" : poll.IsScheduledAt(now) ? "scheduled" : "open",
            definition.ClosesAt,
            definition.AllowAnonymous,
            definition.AllowVoteChange,
            definition.CreatedAt,
            PollWireNames.Of(definition.Kind),
            definition.Kind == PollKind.Multiple ? definition.MaxChoices : null,
            definition.Scale is { } scale ? new PollScaleShape(scale.Min, scale.Max, scale.MinLabel, scale.MaxLabel) : null,
            PollWireNames.Of(definition.ResultsVisibility),
            definition.OpensAt);
    }

    /// <summary>Published results in the shape of the results route, every field of every kind.</summary>
    public static PollResultsResponse Results(PollResults results) => new(
        results.PollId,
        results.TotalVotes,
        [.. results.Options.Select(option => new OptionVotesResponse(option.Id, option.Votes))],
        results.Status,
        results.AsOf,
        results.Version,
        results.Voters,
        results.Histogram is { } histogram ? [.. histogram.Select(value => new ScaleVotesResponse(value.Value, value.Votes))] : null,
        results.Mean,
        results.Median);

    /// <summary>A stored choice as the reader's own vote, in the field of the poll's kind.</summary>
    public static MyVoteResponse MyVote(PollDefinition poll, string choice) => poll.Kind switch
    {
        PollKind.Multiple => new MyVoteResponse(null, PollChoices.OptionIds(choice)),
        PollKind.Scale => new MyVoteResponse(null, Value: PollChoices.ValueOf(choice)),
        _ => new MyVoteResponse(choice),
    };
}
