using System.Security.Claims;
using Moderation.Api.Auth;
using Moderation.Contracts.Comments;
using Moderation.Http.Comments;
using Moderation.Redis.Comments;

namespace Moderation.Api.Comments;

/// <summary>Comment shapes for a request that came with a token: each says whether that reader reacted to it.</summary>
internal static class ReactedByMe
{
    /// <summary>The reader behind the request's token, or null without one.</summary>
    public static string? ReaderOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimNames.Subject) : null;

    public static async Task<PublicCommentPage> PageAsync(CommentPage page, string readerId, ReactionStore reactions) =>
        PublicViews.Page(page, await reactions.ReactedAsync(readerId, [.. page.Items.Select(comment => comment.Id)]));

    public static async Task<PublicComment> CommentAsync(CommentView comment, string? readerId, ReactionStore reactions) =>
        readerId is null
            ? PublicViews.Comment(comment)
            : PublicViews.Comment(comment, (await reactions.ReactedAsync(readerId, [comment.Id])).Count > 0);
}
