using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Moderation.Api.Articles;
using Moderation.Api.Auth;
using Moderation.Api.Comments;
using Moderation.Api.ModerationStream;
using Moderation.Api.Readers;
using Moderation.Contracts.Articles;
using Moderation.Contracts.Comments;
using Moderation.Contracts.Moderators;
using Moderation.Contracts.Readers;
using Moderation.Http.Comments;
using Moderation.Http.Moderators;

namespace Moderation.Api.Moderators;

/// <summary>The moderators' tools: queues, decisions, bans and the audit trail.</summary>
public static class ModeratorsApi
{
    private const int DefaultLimit = 20;
    private static readonly IReadOnlySet<string> QueueSorts = new HashSet<string>(StringComparer.Ordinal) { "score", "oldest", "newest" };

    public static RouteGroupBuilder MapModeration(this IEndpointRouteBuilder routes)
    {
        var moderation = routes.MapGroup("/api/moderation").WithTags("Moderation").RequireAuthorization(Policies.Moderator);
        moderation.MapGet("/queue", Queue).WithSummary("A page of the pending, reported, rejected or approved queue, site-wide or of one article.");
        moderation.MapPost("/comments/{commentId}/decision", Decide)
            .WithSummary("Approve or reject a comment at the revision you saw; audited, and kept as a retraining example.");
        moderation.MapPost("/readers/{readerId}/ban", Ban).WithSummary("Ban a reader from posting and voting, optionally rejecting their held comments.");
        moderation.MapDelete("/readers/{readerId}/ban", Unban).WithSummary("Lift a reader's ban.");
        moderation.MapGet("/audit", Audit).WithSummary("The audit trail, newest first: every human and system decision.");
        return moderation;
    }

    private static async Task<Results<Ok<QueueResponse>, ValidationProblem>> Queue(
        string? state, string? articleId, string? sort, int? limit, [Description(CommentValidation.CursorDescription)] string? cursor, IGrainFactory grains)
    {
        state ??= QueueNames.Pending;
        sort ??= "score";
        var errors = CommentValidation.ValidatePage(limit, cursor, sort, QueueSorts, merged: articleId is null);
        if (!QueueNames.All.Contains(state))
        {
            errors["state"] = [$"state is one of {string.Join(", ", QueueNames.All)}."];
        }

        if (articleId is not null && !ArticleIds.IsValid(articleId))
        {
            errors["articleId"] = ["An article id is 1 to 128 of A-Z, a-z, 0-9, '.', '_' and '-'."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var page = await grains.GetGrain<IModerationQueriesGrain>(0).Queue(state, articleId, sort, limit ?? DefaultLimit, cursor);
        return TypedResults.Ok(ModerationResponses.Queue(page));
    }

    private static async Task<Results<Ok<PublicComment>, ValidationProblem, ProblemHttpResult>> Decide(
        string commentId, DecisionRequest request, ClaimsPrincipal user, IGrainFactory grains, ModerationFeed feed, ReaderNotifier notifier,
        TimeProvider clock)
    {
        var errors = DecisionValidation.Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!CommentIds.IsWellFormed(commentId))
        {
            return UnknownComment(commentId);
        }

        var decision = new ModerationDecision(
            request.Action!, request.Reason, request.Note?.Trim() ?? "", request.Revision, ReaderIdentity.From(user).Id, clock.GetUtcNow(), Labelled: true);
        var before = await grains.GetGrain<ICommentQueriesGrain>(0).Comment(commentId);
        var result = await grains.GetGrain<ICommentModerationGrain>(commentId).Decide(decision);
        if (result is { Outcome: DecisionOutcome.Applied, Comment: { } decided })
        {
            await feed.DecidedAsync(decided, decision.ModeratorId, decision.Action, decision.Reason, decision.At);
            await notifier.DecidedAsync(before?.Status, decided, decision.Reason, decision.At);
        }

        return result.Outcome switch
        {
            DecisionOutcome.Applied => TypedResults.Ok(PublicViews.Comment(result.Comment!)),
            DecisionOutcome.StaleRevision => Problem(StatusCodes.Status409Conflict, "Stale revision",
                $"The comment changed since you saw it: it is at revision {result.Comment?.Revision}, not {request.Revision}. Reload it and decide again."),
            DecisionOutcome.Deleted => Problem(StatusCodes.Status409Conflict, "Comment deleted", "The comment was deleted; there is nothing to decide."),
            _ => UnknownComment(commentId),
        };
    }

    private static async Task<Results<Ok<BanResponse>, ValidationProblem>> Ban(
        string readerId, BanRequest request, ClaimsPrincipal user, IGrainFactory grains, ModerationFeed feed, ReaderNotifier notifier, TimeProvider clock)
    {
        var errors = DecisionValidation.ValidateBan(readerId, request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var order = new BanOrder(ReaderIdentity.From(user).Id, request.Reason!.Trim(), request.RejectPending ?? false, clock.GetUtcNow());
        var rejected = await grains.GetGrain<IReaderGrain>(readerId).Ban(order);
        foreach (var comment in rejected)
        {
            await feed.DecidedAsync(comment, order.ModeratorId, ModerationDecision.Reject, ModerationDecision.BannedReason, order.At);
            await notifier.DecidedAsync(CommentStatus.Pending, comment, ModerationDecision.BannedReason, order.At);
        }

        await feed.BannedAsync(readerId, order.ModeratorId, order.Reason, rejected.Count, order.At);
        return TypedResults.Ok(new BanResponse(readerId, true, order.Reason, rejected.Count));
    }

    private static async Task<Results<NoContent, ValidationProblem>> Unban(
        string readerId, ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock)
    {
        if (!DecisionValidation.IsReaderId(readerId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["readerId"] = ["A reader id is 1 to 128 characters without control characters."],
            });
        }

        await grains.GetGrain<IReaderGrain>(readerId).Unban(ReaderIdentity.From(user).Id, clock.GetUtcNow());
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<AuditResponse>, ValidationProblem>> Audit(
        string? commentId, string? moderatorId, int? limit, [Description(CommentValidation.CursorDescription)] string? cursor, IGrainFactory grains)
    {
        var errors = CommentValidation.ValidatePage(limit, cursor, merged: commentId is null);
        if (commentId is not null && !CommentIds.IsWellFormed(commentId))
        {
            errors["commentId"] = ["Not a comment id."];
        }

        if (moderatorId is not null && !DecisionValidation.IsReaderId(moderatorId))
        {
            errors["moderatorId"] = ["Not a moderator id."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var page = await grains.GetGrain<IModerationQueriesGrain>(0).Audit(commentId, moderatorId, limit ?? DefaultLimit, cursor);
        return TypedResults.Ok(ModerationResponses.Audit(page));
    }

    private static ProblemHttpResult UnknownComment(string commentId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown comment", detail: $"There is no comment '{commentId}'.");

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
