using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Moderation.Contracts.Polls;
using Moderation.Redis.Polls;
using Moderation.Testing;
using StackExchange.Redis;

namespace Moderation.Api.Tests.Polls;

/// <summary>The poll suite over HTTP, run on each store by the classes below it.</summary>
public abstract class PollsHttpTests(SharedSilo silo)
{
    private SiloFactory Factory => silo.Factory;

    [Fact]
    public async Task A_thousand_readers_voting_at_once_with_two_hundred_retrying_five_times_are_counted_exactly()
    {
        var pollId = await NewPollAsync();
        using var client = Factory.CreateClient();
        var tokens = await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => client.DevTokenAsync($"http-reader-{i}")));
        var votes = tokens.Select((token, i) => (Token: token, Option: $"o{i % 3 + 1}")).ToArray();
        var attempts = votes.Concat(votes.Take(200).SelectMany(vote => Enumerable.Repeat(vote, 5)));

        var outcomes = await Task.WhenAll(attempts.Select(async vote =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/polls/{pollId}/votes")
            {
                Content = JsonContent.Create(new { optionId = vote.Option }),
            };
            request.Headers.Authorization = new("Bearer", vote.Token);
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString();
        }));

        Assert.Equal(1000, outcomes.Count(outcome => outcome == "counted"));
        Assert.Equal(1000, outcomes.Count(outcome => outcome == "unchanged"));
        var results = await client.ResultsWithinAsync(pollId, 1000, TimeSpan.FromSeconds(1));
        Assert.Equal(new[] { 334L, 333L, 333L }, results.Votes());
        using var editor = await EditorAsync();
        using var recount = await editor.PostAsync($"/api/polls/{pollId}/recount", null);
        var report = await recount.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Empty(report.GetProperty("differences").EnumerateArray());
    }

    [Fact]
    public async Task A_vote_can_change_where_allowed_and_is_409_where_not()
    {
        var changeable = await NewPollAsync(allowChange: true);
        var fixedVote = await NewPollAsync();
        using var reader = await Factory.ReaderAsync("changer");
        (await reader.VoteAsync(changeable, "o1")).Dispose();
        (await reader.VoteAsync(fixedVote, "o1")).Dispose();

        using var changed = await reader.VoteAsync(changeable, "o2");
        using var refused = await reader.VoteAsync(fixedVote, "o2");

        Assert.Equal("changed", (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        await ProblemAssert.Expect(refused, HttpStatusCode.Conflict);
        Assert.Equal("o1", (await reader.GetFromJsonAsync<JsonElement>($"/api/polls/{fixedVote}/votes/me")).GetProperty("optionId").GetString());
        // The change keeps the total at 1, so wait for the options themselves: a publication of the first vote may come first.
        var results = await reader.ResultsAsync(changeable);
        for (var deadline = DateTime.UtcNow.AddSeconds(5); results.Votes()[1] != 1 && DateTime.UtcNow < deadline; results = await reader.ResultsAsync(changeable))
        {
            await Task.Delay(25);
        }

        Assert.Equal(new[] { 0L, 1L, 0L }, results.Votes());
    }

    [Fact]
    public async Task A_closed_poll_is_409()
    {
        var pollId = await NewPollAsync();
        using var editor = await EditorAsync();
        using var close = await editor.PostAsync($"/api/polls/{pollId}/close", null);
        Assert.Equal("closed", (await close.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        using var reader = await Factory.ReaderAsync("too-late");

        using var response = await reader.VoteAsync(pollId, "o1");

        await ProblemAssert.Expect(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_poll_past_its_closes_at_is_409_and_shows_closed()
    {
        var pollId = await NewPollAsync(closesAt: DateTimeOffset.UtcNow.AddSeconds(1));
        using var reader = await Factory.ReaderAsync("just-in-time");
        using (var early = await reader.VoteAsync(pollId, "o1"))
        {
            Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        }

        await Task.Delay(1200);
        using var late = await reader.VoteAsync(pollId, "o2");

        await ProblemAssert.Expect(late, HttpStatusCode.Conflict);
        Assert.Equal("closed", (await reader.GetFromJsonAsync<JsonElement>($"/api/polls/{pollId}")).GetProperty("status").GetString());
        Assert.Equal("closed", (await reader.ResultsAsync(pollId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_unknown_option_is_400_naming_the_field()
    {
        var pollId = await NewPollAsync();
        using var reader = await Factory.ReaderAsync("confused");

        using var response = await reader.VoteAsync(pollId, "o42");

        var problem = await ProblemAssert.Expect(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("optionId", out _));
    }

    [Fact]
    public async Task An_anonymous_token_is_403_on_a_poll_that_refuses_it_and_counted_on_one_that_allows_it()
    {
        var refusing = await NewPollAsync();
        var allowing = await NewPollAsync(allowAnonymous: true);
        using var anonymous = Factory.CreateClient();
        using var issued = await anonymous.PostAsync("/api/readers/anonymous", null);
        anonymous.WithToken((await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!);

        using var refused = await anonymous.VoteAsync(refusing, "o1");
        using var counted = await anonymous.VoteAsync(allowing, "o1");

        await ProblemAssert.Expect(refused, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, counted.StatusCode);
    }

    [Fact]
    public async Task A_banned_reader_is_403_and_counted_nothing_until_unbanned()
    {
        var pollId = await NewPollAsync();
        using var moderator = Factory.CreateClient();
        moderator.WithToken(await moderator.DevTokenAsync("ban-moderator", "moderator"));
        using var reader = await Factory.ReaderAsync("to-be-banned");
        using (var ban = await moderator.PostAsJsonAsync("/api/moderation/readers/to-be-banned/ban", new { reason = "abuse", rejectPending = false }))
        {
            Assert.Equal(HttpStatusCode.OK, ban.StatusCode);
        }

        using var refused = await reader.VoteAsync(pollId, "o1");
        await ProblemAssert.Expect(refused, HttpStatusCode.Forbidden);
        Assert.Equal(JsonValueKind.Null, (await reader.GetFromJsonAsync<JsonElement>($"/api/polls/{pollId}/votes/me")).GetProperty("optionId").ValueKind);

        (await moderator.DeleteAsync("/api/moderation/readers/to-be-banned/ban")).Dispose();
        using var counted = await reader.VoteAsync(pollId, "o1");
        Assert.Equal(HttpStatusCode.OK, counted.StatusCode);
    }

    [Theory]
    [InlineData("p-does-not-exist")]
    [InlineData("bad%20id")]
    public async Task An_unknown_poll_is_404(string pollId)
    {
        using var reader = await Factory.ReaderAsync("lost");

        using var vote = await reader.VoteAsync(pollId, "o1");
        using var results = await reader.GetAsync($"/api/polls/{pollId}/results");
        using var poll = await reader.GetAsync($"/api/polls/{pollId}");

        await ProblemAssert.Expect(vote, HttpStatusCode.NotFound);
        await ProblemAssert.Expect(results, HttpStatusCode.NotFound);
        await ProblemAssert.Expect(poll, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Voting_needs_a_token_and_creating_a_poll_needs_an_editor()
    {
        var pollId = await NewPollAsync();
        using var anonymous = Factory.CreateClient();
        using var reader = await Factory.ReaderAsync("plain");

        using var vote = await anonymous.VoteAsync(pollId, "o1");
        using var create = await reader.PostAsJsonAsync("/api/articles/x/polls", new { question = "Q?", options = new[] { "a", "b" } });

        await ProblemAssert.Expect(vote, HttpStatusCode.Unauthorized);
        await ProblemAssert.Expect(create, HttpStatusCode.Forbidden);
    }

    public static TheoryData<string, string> InvalidPolls => new()
    {
        { """{"question":"","options":["a","b"]}""", "question" },
        { """{"question":"Q?","options":["only one"]}""", "options" },
        { """{"question":"Q?","options":["a","A"]}""", "options" },
        { """{"question":"Q?","options":["a","b","c","d","e","f","g","h","i","j","k"]}""", "options" },
        { """{"question":"Q?","options":["a",""]}""", "options" },
        { """{"question":"Q?","options":["a","b"],"closesAt":"2001-01-01T00:00:00Z"}""", "closesAt" },
    };

    [Theory]
    [MemberData(nameof(InvalidPolls))]
    public async Task An_invalid_poll_is_400_naming_the_field_and_nothing_is_created(string body, string field)
    {
        using var editor = await EditorAsync();
        var articleId = "invalid-" + Guid.NewGuid().ToString("N")[..8];

        using var response = await editor.PostAsync($"/api/articles/{articleId}/polls",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.Expect(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        var article = await editor.GetFromJsonAsync<JsonElement>($"/api/articles/{articleId}");
        Assert.Empty(article.GetProperty("pollIds").EnumerateArray());
    }

    [Fact]
    public async Task A_created_poll_is_listed_on_its_article_and_readable()
    {
        using var editor = await EditorAsync();
        var articleId = "listed-" + Guid.NewGuid().ToString("N")[..8];

        var poll = await editor.CreatePollAsync(articleId);

        var id = poll.GetProperty("id").GetString()!;
        var article = await editor.GetFromJsonAsync<JsonElement>($"/api/articles/{articleId}");
        Assert.Equal([id], article.GetProperty("pollIds").EnumerateArray().Select(item => item.GetString()));
        var read = await editor.GetFromJsonAsync<JsonElement>($"/api/polls/{id}");
        Assert.Equal("open", read.GetProperty("status").GetString());
        Assert.Equal(3, read.GetProperty("options").GetArrayLength());
    }

    [Fact]
    public async Task Results_are_served_from_the_cache_key_and_from_the_grain_when_the_key_is_gone()
    {
        var pollId = await NewPollAsync();
        using var reader = await Factory.ReaderAsync("cache-check");
        (await reader.VoteAsync(pollId, "o3")).Dispose();
        await reader.ResultsWithinAsync(pollId, 1, TimeSpan.FromSeconds(1));
        var redis = Factory.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        var key = PollRedisKeys.Results(pollId);
        var cached = (string)(await redis.StringGetAsync(key))!;
        var marked = cached.Replace("\"totalVotes\":1", "\"totalVotes\":1,\"servedFromCache\":true");

        // The tally may publish the vote again between the mark and the read (a loaded CI machine met that): mark again.
        await redis.StringSetAsync(key, marked);
        var fromCache = await reader.ResultsAsync(pollId);
        for (var attempt = 1; attempt < 10 && !fromCache.TryGetProperty("servedFromCache", out _); attempt++)
        {
            await redis.StringSetAsync(key, marked);
            fromCache = await reader.ResultsAsync(pollId);
        }

        await redis.KeyDeleteAsync(key);
        var fromGrain = await reader.ResultsAsync(pollId);

        Assert.True(fromCache.GetProperty("servedFromCache").GetBoolean());
        Assert.False(fromGrain.TryGetProperty("servedFromCache", out _));
        Assert.Equal(new[] { 0L, 0L, 1L }, fromGrain.Votes());
    }

    private async Task<string> NewPollAsync(bool allowChange = false, bool allowAnonymous = false, DateTimeOffset? closesAt = null)
    {
        using var editor = await EditorAsync();
        var poll = await editor.CreatePollAsync("polls-" + Guid.NewGuid().ToString("N")[..8], allowChange, allowAnonymous, closesAt);
        return poll.GetProperty("id").GetString()!;
    }

    private async Task<HttpClient> EditorAsync()
    {
        var client = Factory.CreateClient();
        return client.WithToken(await client.DevTokenAsync("editor-" + Guid.NewGuid().ToString("N")[..6], "editor"));
    }
}

[Collection(SiloCollection.Name)]
public sealed class PollsHttpOnEmbeddedStoreTests(SharedSilo silo) : PollsHttpTests(silo);

[Collection(RedisServerSiloCollection.Name)]
public sealed class PollsHttpOnRedisServerTests(SharedSiloOnRedisServer silo) : PollsHttpTests(silo);

[Collection(RedisClusterSiloCollection.Name)]
public sealed class PollsHttpOnRedisClusterTests(SharedSiloOnRedisCluster silo) : PollsHttpTests(silo);
