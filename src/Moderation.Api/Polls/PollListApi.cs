using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Moderation.Api.Auth;
using Moderation.Contracts.Polls;
using Moderation.Http.Polls;
using Moderation.Redis.Polls;

namespace Moderation.Api.Polls;

/// <summary>The editors' list of polls, with live totals.</summary>
public static class PollListApi
{
    private const int MaxLimit = 200;

    public static IEndpointRouteBuilder MapPollList(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/polls", ListPolls).RequireAuthorization(Policies.Editor).ForEditors().WithTags("Polls")
            .WithSummary("The newest polls (limit 1 to 200, default 50) with their published results.");
        return routes;
    }

    private static async Task<Results<Ok<PollListResponse>, ValidationProblem>> ListPolls(
        int? limit, PollIndex index, ResultsPublisher published, IGrainFactory grains, TimeProvider clock)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"limit is 1 to {MaxLimit}."] });
        }

        var now = clock.GetUtcNow();
        var ids = await index.NewestAsync(limit ?? 50);
        var polls = await Task.WhenAll(ids.Select(async id =>
        {
            var poll = await grains.GetGrain<IPollGrain>(id).Get();
            if (poll is null)
            {
                return null;
            }

            // From the cache as readers get them; the tally grain (which counts every shard as it wakes) only when missing.
            var results = await published.ReadAsync(id) ?? await grains.GetGrain<IPollTallyGrain>(id).GetResults();
            return new EditorPollResponse(PollResponses.From(poll, now), PollResponses.Results(results));
        }));
        return TypedResults.Ok(new PollListResponse([.. polls.OfType<EditorPollResponse>()]));
    }
}
