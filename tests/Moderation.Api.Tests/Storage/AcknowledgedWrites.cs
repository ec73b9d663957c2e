using System.Net;
using System.Text.Json;
using Moderation.Api.Tests.Comments;
using Moderation.Api.Tests.Polls;
using Moderation.Testing;

namespace Moderation.Api.Tests.Storage;

/// <summary>Comments and votes a test wrote and the service acknowledged, and the check that each is still there.</summary>
internal sealed class AcknowledgedWrites(Func<HttpClient> newClient)
{
    private readonly List<(string Id, string Body)> _comments = [];
    private readonly List<(string Voter, string Option)> _votes = [];
    private readonly string _article = CommentClient.NewArticle("acknowledged");
    private string? _pollId;
    private string[] _options = [];

    public int Comments => _comments.Count;

    /// <summary>Posts comments of one to two thousand characters from eight readers at once, asserting each is acknowledged.</summary>
    public async Task PostCommentsAsync(int count)
    {
        var lanes = await Task.WhenAll(Enumerable.Range(0, 8).Select(lane => ClientAsync($"writer-{lane}")));
        var first = _comments.Count;
        await Task.WhenAll(lanes.Select((reader, lane) => Task.Run(async () =>
        {
            for (var n = first + lane; n < first + count; n += lanes.Length)
            {
                var body = $"{CommentClient.Civil} Number {n}, {new string('x', 1000 + n % 1000)}.";
                var comment = await PostAsync(reader, body);
                lock (_comments)
                {
                    _comments.Add((comment.Id(), body));
                }
            }
        })));
        foreach (var lane in lanes)
        {
            lane.Dispose();
        }
    }

    /// <summary>Casts votes from new voters on the article's poll (created on the first call), asserting each is acknowledged.</summary>
    public async Task VoteAsync(int voters)
    {
        if (_pollId is null)
        {
            using var editor = await ClientAsync("editor", "editor");
            var poll = await editor.CreatePollAsync(_article);
            _pollId = poll.GetProperty("id").GetString()!;
            _options = [.. poll.GetProperty("options").EnumerateArray().Select(option => option.GetProperty("id").GetString()!)];
        }

        var first = _votes.Count;
        for (var i = first; i < first + voters; i++)
        {
            var voter = $"voter-{_article}-{i}";
            using var client = await ClientAsync(voter);
            var option = _options[i % _options.Length];
            using var response = await client.VoteAsync(_pollId, option);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            _votes.Add((voter, option));
        }
    }

    /// <summary>Reads back every acknowledged comment (its body) and every vote (the voter's own option).</summary>
    public async Task AssertAllReadableAsync(Func<HttpClient> reader)
    {
        using var anyone = reader();
        var missing = new List<string>();
        foreach (var (id, body) in _comments)
        {
            using var response = await anyone.GetAsync($"/api/comments/{id}");
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK || JsonDocument.Parse(text).RootElement.GetProperty("body").GetString() != body)
            {
                missing.Add($"{id} ({(int)response.StatusCode})");
            }
        }

        Assert.True(missing.Count == 0, $"{missing.Count} of {_comments.Count} acknowledged comments are gone: {string.Join(", ", missing.Take(10))}");
        foreach (var (voter, option) in _votes)
        {
            using var client = reader().WithToken(await anyone.DevTokenAsync(voter));
            var mine = await client.GetJsonAsync($"/api/polls/{_pollId}/votes/me");
            Assert.Equal(option, mine.GetProperty("optionId").GetString());
        }
    }

    /// <summary>
    /// Posts until acknowledged. A 503 (the store did not answer in time, nothing changed) is retried a few times: on
    /// this shared 2-core machine the store is sometimes slower than the service's timeout. Any other refusal fails.
    /// </summary>
    private async Task<JsonElement> PostAsync(HttpClient reader, string body)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var response = await reader.PostCommentAsync(_article, body);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.Created)
            {
                return JsonDocument.Parse(text).RootElement.Clone();
            }

            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable && attempt < 3, $"{response.StatusCode}: {text}");
        }
    }

    private async Task<HttpClient> ClientAsync(string subject, params string[] roles)
    {
        var client = newClient();
        return client.WithToken(await client.DevTokenAsync(subject, roles));
    }
}
