using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Moderation.Contracts.Comments;

namespace Moderation.Api.Comments;

/// <summary>
/// The comment a route acts on when only a published one will do: read only when its id is well formed (so a made-up
/// id activates no grain), and one 404 for every way it may be missing.
/// </summary>
public static class PublishedCommentLookup
{
    /// <summary>The comment <paramref name="commentId"/> names, or null when the id is malformed or names none.</summary>
    public static async Task<CommentView?> FindAsync(ICommentQueriesGrain queries, string commentId) =>
        CommentIds.IsWellFormed(commentId) ? await queries.Comment(commentId) : null;

    /// <summary>The answer when <paramref name="commentId"/> names no published comment.</summary>
    public static ProblemHttpResult NotFound(string commentId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown comment", detail: $"There is no published comment '{commentId}'.");
}
