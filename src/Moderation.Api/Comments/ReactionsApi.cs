using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Moderation.Api.Auth;
using Moderation.Api.RateLimits;
using Moderation.Contracts.Comments;
using Moderation.Http.Comments;
using Moderation.Redis.Comments;
using Moderation.Redis.Readers;

namespace Moderation.Api.Comments;

/// <summary>
/// Readers' reactions to comments. The reaction script is the one place that serialises them (it runs atomically in
/// the comment's part), so requests go to it straight from the receiving silo rather than queueing on the comment's grain.
/// </summary>
public static class ReactionsApi
{
    public static void MapReactions(this IEndpointRouteBuilder routes)
    {
        var reaction = routes.MapGroup("/api/comments/{commentId}/reaction").WithTags("Comments").RequireAuthorization(Policies.Reader)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        reaction.MapPut("", (string commentId, ClaimsPrincipal user, IGrainFactory grains, BannedReaders bans, ReactionStore reactions) =>
                ReactAsync(commentId, add: true, user, grains, bans, reactions))
            .WriteLimited(WriteKind.Reaction)
            .WithSummary("Add your reaction (\"respect\") to a published comment; idempotent, one per reader.");
        reaction.MapDelete("", (string commentId, ClaimsPrincipal user, IGrainFactory grains, BannedReaders bans, ReactionStore reactions) =>
                ReactAsync(commentId, add: false, user, grains, bans, reactions))
            .WriteLimited(WriteKind.Reaction)
            .WithSummary("Take back your reaction to a published comment; idempotent.");
    }

    private static async Task<Results<Ok<ReactionResponse>, ProblemHttpResult>> ReactAsync(
        string commentId, bool add, ClaimsPrincipal user, IGrainFactory grains, BannedReaders bans, ReactionStore reactions)
    {
        var reader = ReaderIdentity.From(user);
        if (await bans.IsBannedAsync(reader.Id))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Banned", detail: "You are banned, so you cannot react.");
        }

        if (await PublishedCommentLookup.FindAsync(grains.GetGrain<ICommentQueriesGrain>(0), commentId) is not { } comment)
        {
            return PublishedCommentLookup.NotFound(commentId);
        }

        var (outcome, count) = await reactions.ReactAsync(comment, reader.Id, add);
        return outcome switch
        {
            ReactionOutcome.Applied => TypedResults.Ok(new ReactionResponse(count, add)),
            ReactionOutcome.OwnComment => TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict, title: "Your own comment", detail: "You cannot react to your own comment."),
            _ => PublishedCommentLookup.NotFound(commentId),
        };
    }
}
