using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;

namespace Moderation.Cluster.Tests;

/// <summary>
/// Readers posting comments one after another, alternating between the silos. Each post carries an
/// Idempotency-Key and is sent again, to the other silo, until one answers: a retry of a post whose answer was lost
/// returns the stored comment, so every comment ends up acknowledged and stored once.
/// </summary>
public sealed class CommentLoad(Endpoints endpoints, Readers readers, string articleId, int commenters, int commentsEach)
{
    private static readonly TimeSpan RetryLimit = TimeSpan.FromSeconds(60);

    private readonly ConcurrentBag<string> _acknowledged = [];
    private int _retried;

    public IReadOnlyCollection<string> Acknowledged => [.. _acknowledged];

    /// <summary>Posts that needed more than one attempt.</summary>
    public int Retried => _retried;

    public Task RunAsync() => Task.WhenAll(Enumerable.Range(0, commenters).Select(commenter => Task.Run(() => PostAllAsync(commenter))));

    private async Task PostAllAsync(int commenter)
    {
        var token = readers.Token($"commenter-{commenter}");
        for (var n = 0; n < commentsEach; n++)
        {
            var body = new { body = $"Reader {commenter}, note {n}: thanks for the clear reporting on the council budget." };
            var (response, attempts) = await endpoints.PostUntilAnsweredAsync(
                commenter + n, $"/api/articles/{articleId}/comments", body, token, RetryLimit, idempotencyKey: $"commenter-{commenter}-note-{n}");
            using var answered = response;
            if (attempts > 1)
            {
                Interlocked.Increment(ref _retried);
            }

            if (response.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"Commenter {commenter}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            var comment = await response.Content.ReadFromJsonAsync<PostedComment>();
            if (comment!.Status != "published")
            {
                throw new InvalidOperationException($"Comment {comment.Id} was {comment.Status}; the test article holds nothing.");
            }

            _acknowledged.Add(comment.Id);
        }
    }

    private sealed record PostedComment(string Id, string Status);
}
