using System.Net;
using System.Text.Json;
using Moderation.Api.Capacity;
using Moderation.Api.Tests.Comments;
using Moderation.Api.Tests.Polls;
using Moderation.Testing;

namespace Moderation.Api.Tests.Storage;

/// <summary>Comments and votes a test wrote and the service acknowledged, and the check that each is still there.</summary>
internal sealed class AcknowledgedWrites(Func<HttpClient> newClient)
{
    private Func<HttpClient> _newClient = newClient;

    private readonly List<(string Id, string Body)> _comments = [];
    private readonly List<(string Voter, string Option)> _votes = [];
    private readonly string _article = CommentClient.NewArticle("acknowledged");
    private string? _pollId;
    private string[] _options = [];

    public int Comments => _comments.Count;

    /// <summary>Writes from now on through another service instance (a restarted one) over the same store.</summary>
    public void WriteThrough(Func<HttpClient> client) => _newClient = client;

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

    /// <summary>
    /// Posts comments from eight readers at once, and votes between rounds, until the store refuses one for being full
    /// (then tries one more vote, which must be refused too); fails if nothing is refused within <paramref name="limit"/>
    /// comments. Acknowledged writes are kept, as by the other methods; refused ones are returned.
    /// </summary>
    public async Task<Refusals> WriteUntilRefusedAsync(int limit)
    {
        var refused = new Refusals();
        await VoteAsync(0);
        var lanes = await Task.WhenAll(Enumerable.Range(0, 8).Select(lane => ClientAsync($"writer-{lane}")));
        try
        {
            while (refused.Comments.Count == 0)
            {
                Assert.True(_comments.Count < limit, $"The store acknowledged {_comments.Count} comments and {_votes.Count} votes without refusing any.");
                var first = _comments.Count;
                await Task.WhenAll(lanes.Select((reader, lane) => Task.Run(async () =>
                {
                    var body = $"{CommentClient.Civil} Number {first + lane}, {new string('x', 1000 + (first + lane) % 1000)}.";
                    if (await PostOrRefusedAsync(reader, body) is { } comment)
                    {
                        lock (_comments)
                        {
                            _comments.Add((comment.Id(), body));
                        }
                    }
                    else
                    {
                        lock (refused)
                        {
                            refused.Comments.Add(body);
                        }
                    }
                })));
                if (refused.Comments.Count == 0 && _comments.Count % 40 < lanes.Length && await VoteOrRefusedAsync(refused) is false)
                {
                    break;
                }
            }

            Assert.False(await VoteOrRefusedAsync(refused), "A vote was acknowledged after the store refused a write for being full.");
            return refused;
        }
        finally
        {
            foreach (var lane in lanes)
            {
                lane.Dispose();
            }
        }
    }

    /// <summary>Writes the service refused for a full store: the bodies of comments, the voters of votes, and the first refused vote's problem detail.</summary>
    public sealed class Refusals
    {
        public List<string> Comments { get; } = [];

        public List<string> Voters { get; } = [];

        public JsonElement? VoteProblem { get; set; }
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

    /// <summary>Asserts that the writers' own comment lists hold exactly the acknowledged comments, and the refused voters have no vote.</summary>
    public async Task AssertNoneStoredAsync(Func<HttpClient> reader, Refusals refused)
    {
        using var anyone = reader();
        var listed = new List<string>();
        for (var lane = 0; lane < 8; lane++)
        {
            using var writer = reader().WithToken(await anyone.DevTokenAsync($"writer-{lane}"));
            string? cursor = null;
            do
            {
                var page = await writer.GetJsonAsync($"/api/readers/me/comments?limit=100{(cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}")}");
                listed.AddRange(page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("comment").GetProperty("body").GetString()!));
                cursor = page.GetProperty("nextCursor").GetString();
            }
            while (cursor is not null);
        }

        Assert.Equal(_comments.Select(comment => comment.Body).Order(), listed.Order());
        Assert.DoesNotContain(refused.Comments, listed.Contains);
        foreach (var voter in refused.Voters)
        {
            using var client = reader().WithToken(await anyone.DevTokenAsync(voter));
            var mine = await client.GetJsonAsync($"/api/polls/{_pollId}/votes/me");
            Assert.True(mine.GetProperty("optionId").ValueKind == JsonValueKind.Null, $"The refused voter {voter} has a vote: {mine}");
        }
    }

    private async Task<JsonElement?> PostOrRefusedAsync(HttpClient reader, string body)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var response = await reader.PostCommentAsync(_article, body);
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.Created)
            {
                return JsonDocument.Parse(text).RootElement.Clone();
            }

            if (IsStoreFull(response, text))
            {
                return null;
            }

            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable && attempt < 3, $"{response.StatusCode}: {text}");
        }
    }

    /// <summary>Casts one vote from a new voter: true if acknowledged, false if refused for a full store (and recorded).</summary>
    private async Task<bool> VoteOrRefusedAsync(Refusals refused)
    {
        var voter = $"voter-{_article}-{_votes.Count + refused.Voters.Count}";
        using var client = await ClientAsync(voter);
        var option = _options[_votes.Count % _options.Length];
        using var response = await client.VoteAsync(_pollId!, option);
        var text = await response.Content.ReadAsStringAsync();
        if (response.IsSuccessStatusCode)
        {
            _votes.Add((voter, option));
            return true;
        }

        Assert.True(IsStoreFull(response, text), $"{response.StatusCode}: {text}");
        refused.Voters.Add(voter);
        refused.VoteProblem ??= JsonDocument.Parse(text).RootElement.Clone();
        return false;
    }

    private static bool IsStoreFull(HttpResponseMessage response, string text) =>
        response.StatusCode == HttpStatusCode.ServiceUnavailable
        && response.Content.Headers.ContentType?.MediaType == "application/problem+json"
        && JsonDocument.Parse(text).RootElement.TryGetProperty("type", out var type)
        && type.GetString() == StoreFullGate.ProblemType;

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
        var client = _newClient();
        return client.WithToken(await client.DevTokenAsync(subject, roles));
    }
}
