using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Moderation.Api.Articles;
using Moderation.Api.Auth;
using Moderation.Api.ModerationStream;
using Moderation.Api.Problems;
using Moderation.Api.RateLimits;
using Moderation.Contracts.Articles;
using Moderation.Contracts.Comments;
using Moderation.Http.Comments;
using Moderation.Redis.Comments;
using Moderation.Redis.Readers;

namespace Moderation.Api.Comments;

public static class CommentsApi
{
    private const int DefaultLimit = 20;

    public static void MapComments(this IEndpointRouteBuilder routes)
    {
        var articles = routes.MapGroup("/api/articles/{articleId}").WithTags("Comments");
        articles.MapPost("/comments", Post).RequireAuthorization(Policies.Reader).WriteLimited(WriteKind.Comment)
            .WithSummary("Post a comment or a reply; it is published, or held for a moderator with its reasons.");
        articles.MapGet("/comments", Thread).WithSummary("A page of the published top-level comments: newest, oldest, top (most reactions, then newest) or featured only.");
        articles.MapGet("/events", Events).Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .WithSummary("Server-sent events: the published count now, then each newly published comment and count.");

        var comments = routes.MapGroup("/api/comments/{commentId}").WithTags("Comments");
        comments.MapGet("", Get).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("A comment: published ones to anyone, others to their author and moderators.");
        comments.MapGet("/replies", Replies).WithSummary("A page of the published replies shown under a comment, oldest first.");
        comments.MapDelete("", Delete).RequireAuthorization(Policies.Reader)
            .WithSummary("Delete a comment (its author or a moderator): the text goes, its place in the thread stays.");
        comments.MapPost("/reports", Report).RequireAuthorization(Policies.Reader).WriteLimited(WriteKind.Report)
            .WithSummary("Report a comment; one report per reader counts.");
    }

    private static async Task<Results<Created<PublicComment>, ValidationProblem, ProblemHttpResult>> Post(
        string articleId,
        PostCommentRequest request,
        [FromHeader(Name = IdempotencyKeys.Header)] string? idempotencyKey,
        ClaimsPrincipal user,
        CommentGate gate,
        HttpContext context)
    {
        if (!ArticleIds.IsValid(articleId))
        {
            return ArticlesApi.InvalidArticleId();
        }

        var result = await gate.PostAsync(articleId, request, ReaderIdentity.From(user), idempotencyKey);
        if (result.Comment is { } comment)
        {
            if (result.Replayed)
            {
                context.Response.Headers[IdempotencyKeys.ReplayedHeader] = "true";
            }

            return TypedResults.Created($"/api/comments/{comment.Id}", PostedView(comment));
        }

        if (result.Errors is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (result.RetryAfter is { } wait)
        {
            return TooManyRequests.Problem(context.Response, wait, "Too many comments", "One comment at a time");
        }

        return result.Refusal switch
        {
            GateRefusal.Banned => Problem(StatusCodes.Status403Forbidden, "Banned", "You are banned from commenting."),
            GateRefusal.KeyReused => Problem(
                StatusCodes.Status422UnprocessableEntity,
                "Idempotency key reused",
                "This Idempotency-Key was used for a different comment. Use a new key for a new comment."),
            _ => Problem(StatusCodes.Status409Conflict, "Comments closed", "This article is closed to comments."),
        };
    }

    private static async Task<Results<ContentHttpResult, Ok<PublicCommentPage>, ValidationProblem>> Thread(
        string articleId, string? sort, int? limit, [Description(CommentValidation.CursorDescription)] string? cursor, IGrainFactory grains,
        ClaimsPrincipal user, ReactionStore reactions)
    {
        if (!ArticleIds.IsValid(articleId))
        {
            return ArticlesApi.InvalidArticleId();
        }

        sort ??= "newest";
        var errors = CommentValidation.ValidatePage(limit, cursor, sort, ThreadStore.Sorts);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var queries = grains.GetGrain<ICommentQueriesGrain>(0);
        var readerId = ReactedByMe.ReaderOf(user);
        if (cursor is null && (limit ?? DefaultLimit) == DefaultLimit && readerId is null)
        {
            return TypedResults.Text(await queries.FirstPageJson(articleId, sort), "application/json");
        }

        var page = await queries.Thread(articleId, sort, limit ?? DefaultLimit, cursor);
        return TypedResults.Ok(readerId is null ? PublicViews.Page(page) : await ReactedByMe.PageAsync(page, readerId, reactions));
    }

    private static async Task<Results<Ok<PublicCommentPage>, ValidationProblem, ProblemHttpResult>> Replies(
        string commentId, int? limit, [Description(CommentValidation.CursorDescription)] string? cursor, IGrainFactory grains,
        ClaimsPrincipal user, ReactionStore reactions)
    {
        var errors = CommentValidation.ValidatePage(limit, cursor);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var queries = grains.GetGrain<ICommentQueriesGrain>(0);
        var parent = CommentIds.IsWellFormed(commentId) ? await queries.Comment(commentId) : null;
        if (parent is null || !IsPublic(parent))
        {
            return UnknownComment(commentId);
        }

        var page = await queries.Replies(commentId, limit ?? DefaultLimit, cursor);
        return TypedResults.Ok(ReactedByMe.ReaderOf(user) is { } readerId ? await ReactedByMe.PageAsync(page, readerId, reactions) : PublicViews.Page(page));
    }

    private static async Task<Results<Ok<PublicComment>, ProblemHttpResult>> Get(
        string commentId, ClaimsPrincipal user, IGrainFactory grains, ReactionStore reactions, EditStore edits)
    {
        var comment = CommentIds.IsWellFormed(commentId) ? await grains.GetGrain<ICommentQueriesGrain>(0).Comment(commentId) : null;
        if (comment is null || !MaySee(comment, user))
        {
            return UnknownComment(commentId);
        }

        var view = await ReactedByMe.CommentAsync(comment, ReactedByMe.ReaderOf(user), reactions);
        return TypedResults.Ok(comment.EditedAt is not null && user.Identity?.IsAuthenticated == true && ReaderIdentity.From(user).IsModerator
            ? view with { Versions = PublicViews.Versions(await edits.VersionsAsync(commentId)) }
            : view);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string commentId, ClaimsPrincipal user, IGrainFactory grains)
    {
        var comment = CommentIds.IsWellFormed(commentId) ? await grains.GetGrain<ICommentQueriesGrain>(0).Comment(commentId) : null;
        if (comment is null || !MaySee(comment, user))
        {
            return UnknownComment(commentId);
        }

        var reader = ReaderIdentity.From(user);
        if (comment.AuthorId != reader.Id && !reader.IsModerator)
        {
            return Problem(StatusCodes.Status403Forbidden, "Not yours", "Only the comment's author or a moderator can delete it.");
        }

        await grains.GetGrain<ICommentGrain>(commentId).Delete(reader.Id, byModerator: comment.AuthorId != reader.Id);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Accepted, ValidationProblem, ProblemHttpResult>> Report(
        string commentId, ReportRequest request, ClaimsPrincipal user, IGrainFactory grains, BannedReaders bans, IOptions<CommentsOptions> options,
        ModerationFeed feed, TimeProvider clock)
    {
        var errors = CommentValidation.ValidateReport(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!CommentIds.IsWellFormed(commentId))
        {
            return UnknownComment(commentId);
        }

        var reader = ReaderIdentity.From(user);
        if (await bans.IsBannedAsync(reader.Id))
        {
            return Problem(StatusCodes.Status403Forbidden, "Banned", "You are banned, so your reports do not count.");
        }

        var report = new CommentReport(reader.Id, request.Reason!, request.Note?.Trim() ?? "", clock.GetUtcNow(), options.Value.ReportThreshold);
        var result = await grains.GetGrain<ICommentGrain>(commentId).Report(report);
        if (result == ReportResult.Counted)
        {
            await feed.ReportedAsync(commentId, report.Reason);
        }

        return result == ReportResult.NotFound ? UnknownComment(commentId) : TypedResults.Accepted((string?)null);
    }

    private static IResult Events(
        string articleId, ArticleEventsHub hub, IGrainFactory grains, IOptions<CommentsOptions> options) =>
        ArticleIds.IsValid(articleId)
            ? new ArticleEventStream(articleId, hub, grains, options.Value.KeepAliveInterval)
            : ArticlesApi.InvalidArticleId();

    private static bool IsPublic(CommentView comment) => comment.Status is CommentStatus.Published or CommentStatus.Deleted;

    private static bool MaySee(CommentView comment, ClaimsPrincipal user)
    {
        if (IsPublic(comment))
        {
            return true;
        }

        if (user.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        var reader = ReaderIdentity.From(user);
        return reader.IsModerator || comment.AuthorId == reader.Id;
    }

    private static ProblemHttpResult UnknownComment(string commentId) =>
        Problem(StatusCodes.Status404NotFound, "Unknown comment", $"There is no comment '{commentId}'.");

    /// <summary>The author's answer: a comment the gate rejected says which rule (<c>reason</c>), never the list's words.</summary>
    private static PublicComment PostedView(CommentView comment) => comment.Status == CommentStatus.Rejected
        ? PublicViews.Comment(comment) with { Reason = comment.Reasons.FirstOrDefault() }
        : PublicViews.Comment(comment);

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
