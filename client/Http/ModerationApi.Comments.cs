using Moderation.Http.Articles;
using Moderation.Http.Comments;
using Moderation.Http.Moderators;
namespace Moderation.Client.Http;

/// <summary>The comment, article settings, moderation and model calls of the contract.</summary>
public sealed partial class ModerationApi
{
    public Task<ArticleResponse> UpdateArticleSettingsAsync(string articleId, ArticleSettingsRequest settings, CancellationToken cancellationToken = default) =>
        SendAsync<ArticleResponse>(HttpMethod.Put, $"api/articles/{Escape(articleId)}/settings", settings, cancellationToken);

    /// <param name="idempotencyKey">Names the post: sending it again with the same key returns the comment stored the first time.</param>
    public async Task<PublicComment> PostCommentAsync(
        string articleId, PostCommentRequest comment, string idempotencyKey, CancellationToken cancellationToken = default)
    {
        using var request = Request(HttpMethod.Post, $"api/articles/{Escape(articleId)}/comments", comment);
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await ReadAsync<PublicComment>(response, cancellationToken);
    }

    public Task<PublicCommentPage> GetThreadAsync(string articleId, string? sort, int? limit, string? cursor, CancellationToken cancellationToken = default) =>
        SendAsync<PublicCommentPage>(HttpMethod.Get, WithQuery($"api/articles/{Escape(articleId)}/comments", ("sort", sort), ("limit", limit?.ToString()), ("cursor", cursor)), null, cancellationToken);

    public Task<PublicCommentPage> GetRepliesAsync(string commentId, int? limit, string? cursor, CancellationToken cancellationToken = default) =>
        SendAsync<PublicCommentPage>(HttpMethod.Get, WithQuery($"api/comments/{Escape(commentId)}/replies", ("limit", limit?.ToString()), ("cursor", cursor)), null, cancellationToken);

    public Task<PublicComment> GetCommentAsync(string commentId, CancellationToken cancellationToken = default) =>
        SendAsync<PublicComment>(HttpMethod.Get, $"api/comments/{Escape(commentId)}", null, cancellationToken);

    public Task DeleteCommentAsync(string commentId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"api/comments/{Escape(commentId)}", null, cancellationToken);

    public Task ReportCommentAsync(string commentId, ReportRequest report, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"api/comments/{Escape(commentId)}/reports", report, cancellationToken);

    public Task<ToxicityCheckResponse> CheckToxicityAsync(string body, CancellationToken cancellationToken = default) =>
        SendAsync<ToxicityCheckResponse>(HttpMethod.Post, "api/toxicity/check", new ToxicityCheckRequest(body), cancellationToken);

    public Task<QueueResponse> GetQueueAsync(string? state, string? articleId, string? sort, int? limit, string? cursor, CancellationToken cancellationToken = default) =>
        SendAsync<QueueResponse>(HttpMethod.Get, WithQuery("api/moderation/queue",
            ("state", state), ("articleId", articleId), ("sort", sort), ("limit", limit?.ToString()), ("cursor", cursor)), null, cancellationToken);

    public Task<PublicComment> DecideAsync(string commentId, DecisionRequest decision, CancellationToken cancellationToken = default) =>
        SendAsync<PublicComment>(HttpMethod.Post, $"api/moderation/comments/{Escape(commentId)}/decision", decision, cancellationToken);

    public Task<BanResponse> BanAsync(string readerId, BanRequest ban, CancellationToken cancellationToken = default) =>
        SendAsync<BanResponse>(HttpMethod.Post, $"api/moderation/readers/{Escape(readerId)}/ban", ban, cancellationToken);

    public Task UnbanAsync(string readerId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Delete, $"api/moderation/readers/{Escape(readerId)}/ban", null, cancellationToken);

    public Task<AuditResponse> GetAuditAsync(string? commentId, string? moderatorId, int? limit, string? cursor, CancellationToken cancellationToken = default) =>
        SendAsync<AuditResponse>(HttpMethod.Get, WithQuery("api/moderation/audit",
            ("commentId", commentId), ("moderatorId", moderatorId), ("limit", limit?.ToString()), ("cursor", cursor)), null, cancellationToken);

    public Task<ModelInfoResponse> GetModelAsync(CancellationToken cancellationToken = default) =>
        SendAsync<ModelInfoResponse>(HttpMethod.Get, "api/model", null, cancellationToken);

    public Task<ScoreResponse> ScoreAsync(string text, CancellationToken cancellationToken = default) =>
        SendAsync<ScoreResponse>(HttpMethod.Post, "api/model/score", new ScoreRequest(text), cancellationToken);

    /// <summary>The path with the given query parameters that have a value, escaped.</summary>
    private static string WithQuery(string path, params (string Name, string? Value)[] parameters)
    {
        var query = string.Join('&', parameters.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));
        return query.Length == 0 ? path : $"{path}?{query}";
    }
}
