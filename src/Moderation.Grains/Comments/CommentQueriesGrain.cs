using Moderation.Contracts.Comments;
using Moderation.Redis.Comments;
using Orleans.Concurrency;

namespace Moderation.Grains.Comments;

/// <summary>Thread reads on the silo that received the request, straight from the Redis indexes.</summary>
[StatelessWorker]
public sealed class CommentQueriesGrain(ThreadStore threads, CommentStore comments) : Grain, ICommentQueriesGrain
{
    public Task<CommentView?> Comment(string commentId) => comments.ReadAsync(commentId);

    public Task<CommentPage> Thread(string articleId, string sort, int limit, string? cursor) =>
        threads.ThreadAsync(articleId, sort, limit, cursor);

    public Task<string> FirstPageJson(string articleId, string sort) => threads.FirstPageJsonAsync(articleId, sort);

    public async Task<CommentPage> Replies(string commentId, int limit, string? cursor)
    {
        var parent = await comments.ReadAsync(commentId);
        return parent is null ? new CommentPage([], null) : await threads.RepliesAsync(parent, limit, cursor);
    }
}
