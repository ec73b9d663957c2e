using System.Collections.Immutable;
using Moderation.Redis.Batching;
using Moderation.Redis.Connection;

namespace Moderation.Redis.Comments;

/// <summary>
/// This process's new comments on their way to the store, one lane per part: posts that arrive while a lane's script
/// call is under way go together in its next call (<see cref="PostBatchScript"/>), so a busy part costs a script and
/// a few commits per batch rather than per post. Each post's task completes with the script's answer for it, and so
/// only once the write that holds it is durable; when a call fails, every post of that batch fails with it.
/// </summary>
internal sealed class PostLanes
{
    private readonly GroupCommitLane<PostBatchScript.PreparedPost, PostBatchScript.Outcome>[] _lanes;
    private readonly RedisWriteConnections _writes;
    private readonly TimeProvider _clock;

    public PostLanes(RedisWriteConnections writes, TimeProvider clock)
    {
        _writes = writes;
        _clock = clock;
        _lanes = [.. CommentParts.All.Select(part =>
            new GroupCommitLane<PostBatchScript.PreparedPost, PostBatchScript.Outcome>(posts => SendAsync(part, posts), PostBatchScript.MaxPosts))];
    }

    public Task<PostBatchScript.Outcome> PostAsync(PostBatchScript.PreparedPost post) => _lanes[post.Part].Add(post);

    private async Task<PostBatchScript.Outcome[]> SendAsync(int part, ImmutableArray<PostBatchScript.PreparedPost> posts)
    {
        var script = new PostBatchScript.Batch(part, posts, _clock.GetUtcNow());
        return PostBatchScript.Parse(await PostBatchScript.EvaluateAsync(CommentStore.Writes(_writes, part), script));
    }
}
