using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Moderation.Api.Auth;
using Moderation.Api.Comments;
using Moderation.Api.Readers;
using Moderation.Contracts.Comments;
using Moderation.Http.Comments;
using Moderation.Redis.Comments;

namespace Moderation.Api.Moderators;

/// <summary>Editors' and moderators' picks: featured comments, audited, shown by the thread's <c>featured</c> sort.</summary>
public static class FeaturedApi
{
    public static void MapFeatured(this IEndpointRouteBuilder routes)
    {
        // Its own group: the moderation group admits moderators only, and editors feature comments too.
        var feature = routes.MapGroup("/api/moderation/comments/{commentId}/feature").WithTags("Moderation")
            .RequireAuthorization(Policies.ModeratorOrEditor)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        feature.MapPost("", (string commentId, ClaimsPrincipal user, IGrainFactory grains, FeatureStore picks, TimeProvider clock, ReaderNotifier notifier) =>
                FeatureAsync(commentId, featured: true, user, grains, picks, clock, notifier))
            .WithSummary("Feature a published comment (moderator, editor); idempotent and audited.");
        feature.MapDelete("", (string commentId, ClaimsPrincipal user, IGrainFactory grains, FeatureStore picks, TimeProvider clock, ReaderNotifier notifier) =>
                FeatureAsync(commentId, featured: false, user, grains, picks, clock, notifier))
            .WithSummary("Stop featuring a comment (moderator, editor); idempotent and audited.");
    }

    private static async Task<Results<Ok<PublicComment>, ProblemHttpResult>> FeatureAsync(
        string commentId, bool featured, ClaimsPrincipal user, IGrainFactory grains, FeatureStore picks, TimeProvider clock, ReaderNotifier notifier)
    {
        var queries = grains.GetGrain<ICommentQueriesGrain>(0);
        var comment = await PublishedCommentLookup.FindAsync(queries, commentId);
        var outcome = comment is null
            ? FeatureOutcome.NotFound
            : await picks.FeatureAsync(comment, featured, ReaderIdentity.From(user).Id, clock.GetUtcNow());
        if (outcome == FeatureOutcome.NotFound)
        {
            return PublishedCommentLookup.NotFound(commentId);
        }

        var after = (await queries.Comment(commentId))!;
        // Only the call that made the pick tells the author: concurrent ones all read the comment unfeatured.
        if (featured && outcome == FeatureOutcome.Changed)
        {
            await notifier.FeaturedAsync(after);
        }

        return TypedResults.Ok(PublicViews.Comment(after));
    }
}
