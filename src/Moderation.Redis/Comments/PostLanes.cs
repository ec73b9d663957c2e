using Moderation.Redis.Connection;

namespace Moderation.Redis.Comments;

/// <summary>
/// This process's new comments on their way to the store, one lane per part: posts that arrive while a lane's script
/// call is under way go together in its next call (<see cref="PostBatchScript"/>), so a busy part costs a script and
/// a few commits per batch rather than per post. Each post's task completes with the script's answer for it, and so
/// only once the write that holds it is durable; when a call fails, every post of that batch fails with it.
/// </summary>
internal sealed class PostLanes(RedisWriteConnections writes, TimeProvider clock)
{
    private readonly Lane[] _lanes = [.. CommentParts.All.Select(part => new Lane(part))];
    private readonly RedisWriteConnections _writes = writes;
    private readonly TimeProvider _clock = clock;

    public Task<PostBatchScript.Outcome> PostAsync(PostBatchScript.PreparedPost post) => _lanes[post.Part].Add(post, this);

    private sealed class Lane(int part)
    {
        private readonly Lock _gate = new();
        private List<(PostBatchScript.PreparedPost Post, TaskCompletionSource<PostBatchScript.Outcome> Outcome)> _waiting = [];
        private bool _sending;

        public Task<PostBatchScript.Outcome> Add(PostBatchScript.PreparedPost post, PostLanes lanes)
        {
            var outcome = new TaskCompletionSource<PostBatchScript.Outcome>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                _waiting.Add((post, outcome));
                if (_sending)
                {
                    return outcome.Task;
                }

                _sending = true;
            }

            _ = SendAsync(lanes);
            return outcome.Task;
        }

        private async Task SendAsync(PostLanes lanes)
        {
            while (true)
            {
                List<(PostBatchScript.PreparedPost Post, TaskCompletionSource<PostBatchScript.Outcome> Outcome)> batch;
                lock (_gate)
                {
                    if (_waiting.Count == 0)
                    {
                        _sending = false;
                        return;
                    }

                    if (_waiting.Count <= PostBatchScript.MaxPosts)
                    {
                        batch = _waiting;
                        _waiting = [];
                    }
                    else
                    {
                        batch = _waiting[..PostBatchScript.MaxPosts];
                        _waiting.RemoveRange(0, PostBatchScript.MaxPosts);
                    }
                }

                try
                {
                    var script = new PostBatchScript.Batch(part, [.. batch.Select(waiting => waiting.Post)], lanes._clock.GetUtcNow());
                    var outcomes = PostBatchScript.Parse(await PostBatchScript.EvaluateAsync(CommentStore.Writes(lanes._writes, part), script));
                    for (var i = 0; i < batch.Count; i++)
                    {
                        batch[i].Outcome.TrySetResult(outcomes[i]);
                    }
                }
                catch (Exception exception)
                {
                    foreach (var waiting in batch)
                    {
                        waiting.Outcome.TrySetException(exception);
                    }
                }
            }
        }
    }
}
