using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Moderation.Api.Auth;
using Moderation.Api.Readers;
using Moderation.Contracts.Readers;
using Moderation.Http.Comments;
using Moderation.Redis.Comments;

namespace Moderation.Api.Moderators;

/// <summary>An author's history beside a moderator's decision: standing, comments by status and the latest ones.</summary>
public static class AuthorHistoryApi
{
    private const int LatestCount = 10;

    public static void MapAuthorHistory(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/moderation/readers/{readerId}", HistoryAsync).WithTags("Moderation").RequireAuthorization(Policies.Moderator)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("An author's standing, counts of their comments by status and their latest comments.");
    }

    /// <summary>Where a reader's history is, as queue items link to it.</summary>
    public static string PathOf(string readerId) => "/api/moderation/readers/" + Uri.EscapeDataString(readerId);

    private static async Task<Results<Ok<AuthorHistory>, ValidationProblem>> HistoryAsync(
        string readerId, IGrainFactory grains, ReaderCommentStore comments)
    {
        if (!DecisionValidation.IsReaderId(readerId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["readerId"] = ["A reader id is 1 to 128 characters without control characters."],
            });
        }

        var standing = grains.GetGrain<IReaderGrain>(readerId).Get();
        var counts = comments.CountAsync(readerId);
        var latest = await comments.PageAsync(readerId, LatestCount, cursorText: null);
        var (ban, tally) = (await standing, await counts);
        return TypedResults.Ok(new AuthorHistory(
            readerId,
            new AuthorStanding(ban.Banned, ban.BannedAt, ban.Reason, ban.BannedBy),
            new AuthorCounts(tally.Published, tally.Pending, tally.Rejected, tally.Deleted, tally.Reported),
            ReaderCommentsApi.Page(latest).Items));
    }
}
