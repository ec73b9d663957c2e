using Moderation.Http.Comments;

namespace Moderation.Client.Http;

/// <summary>Reactions, picks, edits, a reader's own comments and an author's history.</summary>
public sealed partial class ModerationApi
{
    /// <param name="add">True adds the reader's reaction, false takes it back.</param>
    public Task<ReactionResponse> ReactAsync(string commentId, bool add, CancellationToken cancellationToken = default) =>
        SendAsync<ReactionResponse>(add ? HttpMethod.Put : HttpMethod.Delete, $"api/comments/{Escape(commentId)}/reaction", null, cancellationToken);

    /// <param name="featured">True features the comment, false stops featuring it.</param>
    public Task<PublicComment> FeatureAsync(string commentId, bool featured, CancellationToken cancellationToken = default) =>
        SendAsync<PublicComment>(featured ? HttpMethod.Post : HttpMethod.Delete, $"api/moderation/comments/{Escape(commentId)}/feature", null, cancellationToken);

    public Task<PublicComment> EditCommentAsync(string commentId, string body, CancellationToken cancellationToken = default) =>
        SendAsync<PublicComment>(HttpMethod.Patch, $"api/comments/{Escape(commentId)}", new EditCommentRequest(body), cancellationToken);

    public Task<OwnCommentPage> GetMyCommentsAsync(int? limit, string? cursor, CancellationToken cancellationToken = default) =>
        SendAsync<OwnCommentPage>(HttpMethod.Get, WithQuery("api/readers/me/comments", ("limit", limit?.ToString()), ("cursor", cursor)), null, cancellationToken);

    public Task<AuthorHistory> GetAuthorHistoryAsync(string readerId, CancellationToken cancellationToken = default) =>
        SendAsync<AuthorHistory>(HttpMethod.Get, $"api/moderation/readers/{Escape(readerId)}", null, cancellationToken);
}
