using System.ComponentModel;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Moderation.Api.Auth;
using Moderation.Api.Comments;
using Moderation.Contracts.Comments;
using Moderation.Http.Comments;
using Moderation.Redis.Comments;

namespace Moderation.Api.Readers;

/// <summary>A reader's own comments, whatever became of them.</summary>
public static class ReaderCommentsApi
{
    private const int DefaultLimit = 20;

    public static void MapReaderComments(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/readers/me/comments", OwnComments).WithTags("Comments").RequireAuthorization(Policies.Reader)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .WithSummary("Your own comments, newest first, with their status and the reason when rejected.");
    }

    /// <summary>The shape of a reader's page, for the reader's own view and the author history.</summary>
    public static OwnCommentPage Page(CommentPage page) => new([.. page.Items.Select(Own)], page.NextCursor);

    private static OwnComment Own(CommentView comment) =>
        new(PublicViews.Comment(comment), comment.Status == CommentStatus.Rejected ? comment.RejectionReason : null);

    private static async Task<Results<Ok<OwnCommentPage>, ValidationProblem>> OwnComments(
        int? limit, [Description(CommentValidation.CursorDescription)] string? cursor, ClaimsPrincipal user, ReaderCommentStore comments)
    {
        var errors = CommentValidation.ValidatePage(limit, cursor, merged: true);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(Page(await comments.PageAsync(ReaderIdentity.From(user).Id, limit ?? DefaultLimit, cursor)));
    }
}
