using Microsoft.Extensions.Options;
using Moderation.Redis.Readers;

namespace Moderation.Api.Comments;

/// <summary>One post per reader per <see cref="CommentsOptions.PostInterval"/>, across every silo, through the reader's <see cref="PostGate"/>.</summary>
public sealed class PostRateLimiter(PostGate gate, IOptions<CommentsOptions> options)
{
    /// <returns>Null when the reader may post now (the interval starts), else how long to wait.</returns>
    public async Task<TimeSpan?> TryEnterAsync(string readerId)
    {
        var interval = options.Value.PostInterval;
        return interval <= TimeSpan.Zero ? null : await gate.TryEnterAsync(readerId, interval);
    }

    /// <summary>Gives the interval back when the post it was taken for was not stored.</summary>
    public async Task ReleaseAsync(string readerId)
    {
        if (options.Value.PostInterval > TimeSpan.Zero)
        {
            await gate.ReleaseAsync(readerId);
        }
    }
}
