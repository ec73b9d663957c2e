using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moderation.Api.Tests.Comments;
using Moderation.Testing;

namespace Moderation.Api.Tests.Polls;

/// <summary>Poll kinds, results visibility and scheduled opening over HTTP, run on each store by the classes below it.</summary>
public abstract class PollKindsHttpTests(SharedSilo silo)
{
    private SiloFactory Factory => silo.Factory;

    [Fact]
    public async Task Readers_voting_at_once_on_a_multiple_choice_poll_are_counted_per_option_and_voter()
    {
        var pollId = await NewPollAsync(new { kind = "multiple", maxChoices = 3, options = new[] { "A", "B", "C", "D" } });
        using var client = Factory.CreateClient();
        var tokens = await Task.WhenAll(Enumerable.Range(0, 300).Select(i => client.DevTokenAsync($"multi-http-{pollId}-{i}")));
        string[][] picks = [["o1"], ["o3", "o1"], ["o2", "o3", "o4"]];

        var outcomes = await Task.WhenAll(tokens.Select(async (token, i) =>
        {
            using var response = await SendAsync(client, token, pollId, new { optionIds = picks[i % 3] });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }));

        Assert.All(outcomes, outcome => Assert.Equal("counted", outcome.GetProperty("outcome").GetString()));
        Assert.Equal(["o1", "o3"], outcomes[1].GetProperty("optionIds").EnumerateArray().Select(id => id.GetString()));
        var results = await client.ResultsWithinAsync(pollId, 600, TimeSpan.FromSeconds(2));
        Assert.Equal(new[] { 200L, 100L, 200L, 100L }, results.Votes());
        Assert.Equal(300, results.GetProperty("voters").GetInt64());
    }

    [Fact]
    public async Task A_scale_vote_is_counted_and_read_back_and_the_results_give_histogram_mean_and_median()
    {
        var pollId = await NewPollAsync(Scale());
        using var ann = await Factory.ReaderAsync($"scale-ann-{pollId}");
        using var bob = await Factory.ReaderAsync($"scale-bob-{pollId}");

        using (var first = await ann.PostAsJsonAsync($"/api/polls/{pollId}/votes", new { value = 2 }))
        {
            Assert.Equal(2, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetInt32());
        }

        (await bob.PostAsJsonAsync($"/api/polls/{pollId}/votes", new { value = 5 })).Dispose();

        Assert.Equal(2, (await ann.GetFromJsonAsync<JsonElement>($"/api/polls/{pollId}/votes/me")).GetProperty("value").GetInt32());
        var results = await ann.ResultsWithinAsync(pollId, 2, TimeSpan.FromSeconds(2));
        Assert.Equal(new[] { 0L, 1L, 0L, 0L, 1L }, results.GetProperty("histogram").EnumerateArray().Select(value => value.GetProperty("votes").GetInt64()));
        Assert.Equal(3.5, results.GetProperty("mean").GetDouble());
        Assert.Equal(3.5, results.GetProperty("median").GetDouble());
    }

    [Fact]
    public async Task A_created_poll_answers_its_kind_scale_visibility_and_opening()
    {
        var opensAt = DateTimeOffset.UtcNow.AddHours(1);
        using var editor = await EditorAsync();

        using var response = await editor.PostAsJsonAsync($"/api/articles/kinds-{Guid.NewGuid():N}/polls",
            Scale(new { resultsVisibility = "after-close", opensAt }));
        var poll = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("scale", poll.GetProperty("kind").GetString());
        Assert.Equal("Strongly agree", poll.GetProperty("scale").GetProperty("maxLabel").GetString());
        Assert.Equal(5, poll.GetProperty("scale").GetProperty("max").GetInt32());
        Assert.Equal("after-close", poll.GetProperty("resultsVisibility").GetString());
        Assert.Equal("scheduled", poll.GetProperty("status").GetString());
        Assert.Equal(opensAt.ToUnixTimeSeconds(), poll.GetProperty("opensAt").GetDateTimeOffset().ToUnixTimeSeconds());
    }

    [Fact]
    public async Task A_vote_before_opens_at_is_409_saying_when_the_poll_opens()
    {
        var opensAt = DateTimeOffset.UtcNow.AddHours(2);
        var pollId = await NewPollAsync(new { options = new[] { "Yes", "No" }, opensAt });
        using var reader = await Factory.ReaderAsync("too-early");

        using var response = await reader.VoteAsync(pollId, "o1");

        var problem = await ProblemAssert.Expect(response, HttpStatusCode.Conflict);
        Assert.Contains("opens", problem.GetProperty("detail").GetString());
        Assert.Equal(opensAt.ToUnixTimeSeconds(), problem.GetProperty("opensAt").GetDateTimeOffset().ToUnixTimeSeconds());
        var mine = await reader.GetJsonAsync($"/api/polls/{pollId}/votes/me");
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("optionIds").ValueKind);
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("value").ValueKind);
    }

    public static TheoryData<string, string> InvalidVotes => new()
    {
        { "multiple", """{"optionId":"o1"}""" },
        { "multiple", """{"optionIds":[]}""" },
        { "multiple", """{"optionIds":["o1","o2","o3"]}""" },
        { "multiple", """{"optionIds":["o1","o1"]}""" },
        { "multiple", """{"optionIds":["o1","o9"]}""" },
        { "scale", """{"optionId":"o1"}""" },
        { "scale", """{"value":0}""" },
        { "scale", """{"value":6}""" },
    };

    [Theory]
    [MemberData(nameof(InvalidVotes))]
    public async Task An_invalid_vote_of_a_kind_is_400_naming_the_field_and_counts_nothing(string kind, string body)
    {
        var pollId = await NewPollAsync(kind == "scale" ? Scale() : new { kind, maxChoices = 2, options = new[] { "A", "B", "C" } });
        using var reader = await Factory.ReaderAsync($"invalid-voter-{pollId}");

        using var response = await reader.PostAsync($"/api/polls/{pollId}/votes", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.Expect(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(kind == "scale" ? "value" : "optionIds", out _));
        var mine = await reader.GetJsonAsync($"/api/polls/{pollId}/votes/me");
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("optionIds").ValueKind);
        Assert.Equal(JsonValueKind.Null, mine.GetProperty("value").ValueKind);
    }

    public static TheoryData<string, string> InvalidPolls => new()
    {
        { """{"question":"Q?","options":["a","b"],"kind":"ranked"}""", "kind" },
        { """{"question":"Q?","options":["a","b"],"kind":"multiple","maxChoices":3}""", "maxChoices" },
        { """{"question":"Q?","options":["a","b"],"kind":"multiple","maxChoices":0}""", "maxChoices" },
        { """{"question":"Q?","options":["a","b"],"maxChoices":2}""", "maxChoices" },
        { """{"question":"Q?","options":["a","b"],"scale":{"min":1,"max":5,"minLabel":"x","maxLabel":"y"}}""", "scale" },
        { """{"question":"Q?","kind":"scale"}""", "scale" },
        { """{"question":"Q?","kind":"scale","scale":{"min":5,"max":5,"minLabel":"x","maxLabel":"y"}}""", "scale" },
        { """{"question":"Q?","kind":"scale","scale":{"min":-10,"max":10,"minLabel":"x","maxLabel":"y"}}""", "scale" },
        { """{"question":"Q?","kind":"scale","scale":{"min":1,"max":5,"minLabel":"","maxLabel":"y"}}""", "scale" },
        { """{"question":"Q?","kind":"scale","options":["a","b"],"scale":{"min":1,"max":5,"minLabel":"x","maxLabel":"y"}}""", "options" },
        { """{"question":"Q?","options":["a","b"],"resultsVisibility":"never"}""", "resultsVisibility" },
        { """{"question":"Q?","options":["a","b"],"opensAt":"2100-01-02T00:00:00Z","closesAt":"2100-01-01T00:00:00Z"}""", "opensAt" },
    };

    [Theory]
    [MemberData(nameof(InvalidPolls))]
    public async Task An_invalid_kind_scale_visibility_or_schedule_is_400_naming_the_field_and_nothing_is_created(string body, string field)
    {
        using var editor = await EditorAsync();
        var articleId = "invalid-kind-" + Guid.NewGuid().ToString("N")[..8];

        using var response = await editor.PostAsync($"/api/articles/{articleId}/polls", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.Expect(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        var article = await editor.GetFromJsonAsync<JsonElement>($"/api/articles/{articleId}");
        Assert.Empty(article.GetProperty("pollIds").EnumerateArray());
    }

    [Fact]
    public async Task After_vote_results_are_403_to_a_reader_until_they_vote_and_always_shown_to_an_editor()
    {
        var pollId = await NewPollAsync(new { options = new[] { "Yes", "No" }, resultsVisibility = "after-vote" });
        using var reader = await Factory.ReaderAsync($"after-vote-{pollId}");
        using var nobody = Factory.CreateClient();
        using var editor = await EditorAsync();

        await ProblemAssert.Expect(await reader.GetAsync($"/api/polls/{pollId}/results"), HttpStatusCode.Forbidden);
        await ProblemAssert.Expect(await nobody.GetAsync($"/api/polls/{pollId}/results"), HttpStatusCode.Forbidden);
        await ProblemAssert.Expect(await reader.GetAsync($"/api/polls/{pollId}/events"), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync($"/api/polls/{pollId}/results")).StatusCode);

        (await reader.VoteAsync(pollId, "o2")).Dispose();

        var results = await reader.ResultsWithinAsync(pollId, 1, TimeSpan.FromSeconds(2));
        Assert.Equal(new[] { 0L, 1L }, results.Votes());
        await using var events = await SseReader.OpenAsync(reader, $"/api/polls/{pollId}/events");
        Assert.Equal("results", (await events.NextAsync(TimeSpan.FromSeconds(5))).Name);
    }

    [Fact]
    public async Task After_close_results_and_events_reach_readers_only_once_the_poll_closes_and_editors_at_once()
    {
        var pollId = await NewPollAsync(new { options = new[] { "Yes", "No" }, resultsVisibility = "after-close" });
        using var reader = await Factory.ReaderAsync($"after-close-{pollId}");
        using var editor = await EditorAsync();
        (await reader.VoteAsync(pollId, "o1")).Dispose();
        await using var readerEvents = await SseReader.OpenAsync(reader, $"/api/polls/{pollId}/events");
        await using var editorEvents = await SseReader.OpenAsync(editor, $"/api/polls/{pollId}/events");

        await ProblemAssert.Expect(await reader.GetAsync($"/api/polls/{pollId}/results"), HttpStatusCode.Forbidden);
        Assert.Equal("open", (await editorEvents.NextAsync(TimeSpan.FromSeconds(5))).Data.GetProperty("status").GetString());
        var open = await editor.ResultsWithinAsync(pollId, 1, TimeSpan.FromSeconds(2));
        Assert.Equal(1, open.GetProperty("totalVotes").GetInt64());

        (await editor.PostAsync($"/api/polls/{pollId}/close", null)).Dispose();

        var first = await readerEvents.NextAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("closed", first.Data.GetProperty("status").GetString());
        Assert.Equal(new[] { 1L, 0L }, first.Data.Votes());
        Assert.Equal("closed", (await reader.ResultsAsync(pollId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task After_close_results_stay_hidden_from_readers_past_a_closes_at_that_an_editor_moved_later()
    {
        var firstClosesAt = DateTimeOffset.UtcNow.AddSeconds(2);
        var pollId = await NewPollAsync(new { options = new[] { "Yes", "No" }, resultsVisibility = "after-close", closesAt = firstClosesAt });
        using var reader = await Factory.ReaderAsync($"moved-close-{pollId}");
        using var other = await Factory.ReaderAsync($"moved-close-other-{pollId}");
        using var editor = await EditorAsync();
        (await reader.VoteAsync(pollId, "o1")).Dispose();
        // A read before the move: this silo now knows the poll, with its first closesAt.
        await ProblemAssert.Expect(await reader.GetAsync($"/api/polls/{pollId}/results"), HttpStatusCode.Forbidden);
        (await editor.PutAsJsonAsync($"/api/polls/{pollId}/schedule", new { closesAt = DateTimeOffset.UtcNow.AddHours(1) })).EnsureSuccessStatusCode();

        var untilFirstClose = firstClosesAt - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(300);
        if (untilFirstClose > TimeSpan.Zero)
        {
            await Task.Delay(untilFirstClose);
        }

        await ProblemAssert.Expect(await reader.GetAsync($"/api/polls/{pollId}/results"), HttpStatusCode.Forbidden);
        await using var readerEvents = await SseReader.OpenAsync(reader, $"/api/polls/{pollId}/events");
        (await other.VoteAsync(pollId, "o2")).Dispose();
        await editor.ResultsWithinAsync(pollId, 2, TimeSpan.FromSeconds(2));
        (await editor.PostAsync($"/api/polls/{pollId}/close", null)).Dispose();
        var first = await readerEvents.NextAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("closed", first.Data.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_editors_signals_split_a_multiple_choice_poll_per_option_and_a_scale_poll_per_value()
    {
        var multiple = await NewPollAsync(new { kind = "multiple", maxChoices = 2, options = new[] { "A", "B", "C" } });
        var scale = await NewPollAsync(Scale());
        using var client = Factory.CreateClient();
        var ann = await client.DevTokenAsync($"signals-ann-{multiple}");
        var bob = await client.DevTokenAsync($"signals-bob-{multiple}");
        (await SendAsync(client, ann, multiple, new { optionIds = new[] { "o1", "o3" } })).EnsureSuccessStatusCode();
        (await SendAsync(client, bob, multiple, new { optionIds = new[] { "o3" } })).EnsureSuccessStatusCode();
        (await SendAsync(client, ann, scale, new { value = 4 })).EnsureSuccessStatusCode();
        using var editor = await EditorAsync();

        var perOption = await editor.GetFromJsonAsync<JsonElement>($"/api/polls/{multiple}/signals");
        var perValue = await editor.GetFromJsonAsync<JsonElement>($"/api/polls/{scale}/signals");

        Assert.Equal(2, perOption.GetProperty("totalVotes").GetInt64());
        Assert.Equal([("o1", 1L), ("o2", 0L), ("o3", 2L)], SignedIn(perOption));
        Assert.Equal(1, perValue.GetProperty("signedInVotes").GetInt64());
        Assert.Equal([("1", 0L), ("2", 0L), ("3", 0L), ("4", 1L), ("5", 0L)], SignedIn(perValue));
    }

    private static (string, long)[] SignedIn(JsonElement signals) =>
        [.. signals.GetProperty("options").EnumerateArray().Select(option => (option.GetProperty("id").GetString()!, option.GetProperty("signedIn").GetInt64()))];

    private static object Scale(object? extra = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["question"] = "How far do you agree?",
            ["kind"] = "scale",
            ["scale"] = new { min = 1, max = 5, minLabel = "Strongly disagree", maxLabel = "Strongly agree" },
        };
        foreach (var property in JsonSerializer.SerializeToElement(extra ?? new { }).EnumerateObject())
        {
            body[property.Name] = property.Value;
        }

        return body;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string token, string pollId, object vote)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/polls/{pollId}/votes") { Content = JsonContent.Create(vote) };
        request.Headers.Authorization = new("Bearer", token);
        return client.SendAsync(request);
    }

    private async Task<string> NewPollAsync(object body)
    {
        using var editor = await EditorAsync();
        var full = JsonSerializer.SerializeToElement(body);
        var request = full.TryGetProperty("question", out _)
            ? body
            : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(full)!.Append(new("question", JsonSerializer.SerializeToElement("Which ones?")))
                .ToDictionary();
        using var response = await editor.PostAsJsonAsync($"/api/articles/kinds-{Guid.NewGuid():N}/polls", request);
        var created = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, created);
        return JsonDocument.Parse(created).RootElement.GetProperty("id").GetString()!;
    }

    private async Task<HttpClient> EditorAsync()
    {
        var client = Factory.CreateClient();
        return client.WithToken(await client.DevTokenAsync("editor-" + Guid.NewGuid().ToString("N")[..6], "editor"));
    }
}

[Collection(SiloCollection.Name)]
public sealed class PollKindsHttpOnEmbeddedStoreTests(SharedSilo silo) : PollKindsHttpTests(silo);

[Collection(RedisServerSiloCollection.Name)]
public sealed class PollKindsHttpOnRedisServerTests(SharedSiloOnRedisServer silo) : PollKindsHttpTests(silo);
