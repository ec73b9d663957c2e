using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Moderation.Security.Tests.Faults;

/// <summary>Holds the service to every write it acknowledged: each vote and comment present, each exactly once, the counts agreeing.</summary>
internal sealed class StoredWrites(HttpClient client, string pollId, string articleId, string[] tokens, string editorToken)
{
    public List<string> Failures { get; } = [];

    public int Verified { get; private set; }

    /// <summary>The article's published count less the comments its thread lists, as first read after the restart.</summary>
    public long CountDrift { get; private set; }

    /// <summary>Comment bodies found in the thread more than once: a write stored twice, or a refused write stored after all.</summary>
    public int Duplicates { get; private set; }

    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(30);

    public async Task VerifyAsync(IReadOnlyDictionary<int, string> votes, IReadOnlyDictionary<int, string> comments, int votesAttempted)
    {
        foreach (var (reader, option) in votes)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/polls/{pollId}/votes/me");
            request.Headers.Authorization = new("Bearer", tokens[reader]);
            using var response = await client.SendAsync(request);
            var found = response.StatusCode == HttpStatusCode.OK
                ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("optionId").GetString()
                : $"status {(int)response.StatusCode}";
            Check(found == option, $"vote of reader {reader}: acknowledged {option}, stored {found}");
        }

        var published = new HashSet<string>();
        foreach (var (reader, id) in comments)
        {
            using var response = await client.GetAsync($"/api/comments/{id}");
            if (response.StatusCode != HttpStatusCode.OK)
            {
                Check(false, $"comment {id} of reader {reader}: acknowledged, now {(int)response.StatusCode}");
                continue;
            }

            var comment = await response.Content.ReadFromJsonAsync<JsonElement>();
            Check(comment.GetProperty("body").GetString() == MixedLoad.BodyOf(reader), $"comment {id} of reader {reader}: another body");
            if (comment.GetProperty("status").GetString() == "published")
            {
                published.Add(id);
            }
        }

        var thread = await ThreadAsync();
        var ids = thread.Select(item => item.Id).ToList();
        Check(ids.Count == ids.Distinct().Count(), $"the thread lists {ids.Count - ids.Distinct().Count()} comments twice");
        Duplicates = thread.GroupBy(item => item.Body).Sum(group => group.Count() - 1);
        Check(Duplicates == 0, $"{Duplicates} comment bodies are in the thread more than once");
        foreach (var id in published.Where(id => !ids.Contains(id)))
        {
            Check(false, $"published comment {id} is missing from the thread");
        }

        // A crash may cut a comment script short and leave the count apart from the thread; the silo recounts the
        // articles it finds touched at the crash in the background after it starts, so give that a little time.
        var count = await CommentCountAsync();
        CountDrift = count - ids.Count;
        for (var deadline = DateTime.UtcNow + RecoveryLimit; count != ids.Count && DateTime.UtcNow < deadline; count = await CommentCountAsync())
        {
            await Task.Delay(250);
        }

        Check(count == ids.Count, $"commentCount {count} but the thread lists {ids.Count}");

        using var recount = new HttpRequestMessage(HttpMethod.Post, $"/api/polls/{pollId}/recount");
        recount.Headers.Authorization = new("Bearer", editorToken);
        using var recounted = await client.SendAsync(recount);
        var report = await recounted.Content.ReadFromJsonAsync<JsonElement>();
        Check(recounted.StatusCode == HttpStatusCode.OK, $"recount answered {(int)recounted.StatusCode}: {report}");
        if (recounted.StatusCode == HttpStatusCode.OK)
        {
            Check(report.GetProperty("differences").GetArrayLength() == 0, $"recount found differences: {report}");
            var total = report.GetProperty("recounted").EnumerateArray().Sum(option => option.GetProperty("votes").GetInt64());
            Check(total >= votes.Count && total <= votesAttempted, $"{total} votes stored; {votes.Count} acknowledged, {votesAttempted} tried");
        }
    }

    private Task<List<(string Id, string Body)>> ThreadAsync() => ThreadAsync(client, articleId);

    /// <summary>Every published top-level comment of the article, oldest first.</summary>
    public static async Task<List<(string Id, string Body)>> ThreadAsync(HttpClient client, string articleId)
    {
        var items = new List<(string, string)>();
        string? cursor = null;
        do
        {
            var page = await client.GetFromJsonAsync<JsonElement>(
                $"/api/articles/{articleId}/comments?sort=oldest&limit=100{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}");
            items.AddRange(page.GetProperty("items").EnumerateArray().Select(item => (item.GetProperty("id").GetString()!, item.GetProperty("body").GetString()!)));
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.String ? page.GetProperty("nextCursor").GetString() : null;
        }
        while (cursor is not null);
        return items;
    }

    private void Check(bool condition, string failure)
    {
        Verified++;
        if (!condition)
        {
            Failures.Add(failure);
        }
    }

    private async Task<long> CommentCountAsync() =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/articles/{articleId}")).GetProperty("commentCount").GetInt64();
}
