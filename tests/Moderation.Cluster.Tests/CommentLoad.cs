using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;

namespace Moderation.Cluster.Tests;

/// <summary>
/// Readers posting comments one after another, alternating between the silos. A post without an answer is not
/// sent again (a comment post is not idempotent): it is counted as unacknowledged, and may or may not exist.
/// </summary>
public sealed class CommentLoad(Endpoints endpoints, Readers readers, string articleId, int commenters, int commentsEach)
{
    private readonly ConcurrentBag<string> _acknowledged = [];
    private int _unacknowledged;

    public IReadOnlyCollection<string> Acknowledged => [.. _acknowledged];

    public int Unacknowledged => _unacknowledged;

    public Task RunAsync() => Task.WhenAll(Enumerable.Range(0, commenters).Select(commenter => Task.Run(() => PostAllAsync(commenter))));

    private async Task PostAllAsync(int commenter)
    {
        var token = readers.Token($"commenter-{commenter}");
        for (var n = 0; n < commentsEach; n++)
        {
            var body = new { body = $"Reader {commenter}, note {n}: thanks for the clear reporting on the council budget." };
            using var response = await endpoints.TryPostAsync(commenter + n, $"/api/articles/{articleId}/comments", body, token);
            if (response is null || (int)response.StatusCode >= 500)
            {
                Interlocked.Increment(ref _unacknowledged);
                continue;
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
