using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Moderation.Api.Auth;
using Moderation.Api.RateLimits;
using Moderation.Contracts.Comments;
using Moderation.Http.Comments;

namespace Moderation.Api.Comments;

/// <summary>Authors' edits of their comments (<see cref="CommentEditor"/>).</summary>
public static class EditsApi
{
    public static void MapCommentEdits(this IEndpointRouteBuilder routes)
    {
        routes.MapPatch("/api/comments/{commentId}", EditAsync).WithTags("Comments").RequireAuthorization(Policies.Reader)
            .WriteLimited(WriteKind.Comment)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Edit your comment within the edit window; the new text passes the gate again, and the same text again changes nothing.");
    }

    private static async Task<Results<Ok<PublicComment>, ValidationProblem, ProblemHttpResult>> EditAsync(
        string commentId, EditCommentRequest request, ClaimsPrincipal user, CommentEditor editor)
    {
        var result = await editor.EditAsync(commentId, request, ReaderIdentity.From(user));
        if (result.Comment is { } comment)
        {
            return TypedResults.Ok(PublicViews.Comment(comment));
        }

        if (result.Errors is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return result.Refusal switch
        {
            EditRefusal.NotYours => Problem(StatusCodes.Status403Forbidden, "Not yours", "Only the comment's author can edit it."),
            EditRefusal.Banned => Problem(StatusCodes.Status403Forbidden, "Banned", "You are banned, so you cannot edit comments."),
            EditRefusal.WindowClosed => Problem(StatusCodes.Status409Conflict, "Edit window closed", "The time to edit this comment is over."),
            EditRefusal.NotEditable => Problem(StatusCodes.Status409Conflict, "Not editable", "A rejected or deleted comment cannot be edited."),
            EditRefusal.Closed => Problem(StatusCodes.Status409Conflict, "Comments closed", "This article is closed to comments."),
            _ => Problem(StatusCodes.Status404NotFound, "Unknown comment", $"There is no comment '{commentId}'."),
        };
    }

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail);
}
