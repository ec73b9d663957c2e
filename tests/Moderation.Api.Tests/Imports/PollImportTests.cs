using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moderation.Api.Tests.Comments;
using Moderation.Api.Tests.Polls;
using Moderation.Testing;

namespace Moderation.Api.Tests.Imports;

[Collection(RedisServerSiloCollection.Name)]
public sealed class PollImportTests(SharedSiloOnRedisServer silo) : IAsyncLifetime
{
    private SiloFactory Factory => silo.Factory;

    public Task InitializeAsync() => Factory.WaitUntilReadyAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_restored_closed_poll_counts_its_ballots_once_and_a_restored_voter_still_votes_only_once()
    {
        var article = CommentClient.NewArticle("import-poll");
        var pollId = "p" + Guid.NewGuid().ToString("N")[..16];
        var voterId = "voter-" + Guid.NewGuid().ToString("N")[..10];
        using var editor = await Factory.ReaderAsync("import-editor", "editor");
        object[] ballots =
        [
            new { readerId = voterId, choice = "o2", signedIn = true },
            new { readerId = "r-" + Guid.NewGuid().ToString("N"), choice = "o1", signedIn = false },
            new { readerId = "r-" + Guid.NewGuid().ToString("N"), choice = "o2", signedIn = true },
        ];

        using var created = await editor.PostAsJsonAsync("/api/imports/polls", Poll(pollId, article, closed: false));
        using var first = await editor.PostAsJsonAsync($"/api/imports/polls/{pollId}/ballots", new { ballots });
        using var again = await editor.PostAsJsonAsync($"/api/imports/polls/{pollId}/ballots", new { ballots });
        using var createdAgain = await editor.PostAsJsonAsync("/api/imports/polls", Poll(pollId, article, closed: false));

        Assert.Equal("stored", (await Json(created)).GetProperty("outcome").GetString());
        Assert.Equal((3, 0), Counts(await Json(first)));
        Assert.Equal((0, 3), Counts(await Json(again)));
        Assert.Equal("exists", (await Json(createdAgain)).GetProperty("outcome").GetString());
        Assert.Equal(new long[] { 1, 2 }, (await editor.ResultsAsync(pollId)).Votes());
        using var voter = Factory.CreateClient().WithToken(await Factory.CreateClient().DevTokenAsync(voterId));
        using var changed = await voter.VoteAsync(pollId, "o1");
        Assert.Equal(HttpStatusCode.Conflict, changed.StatusCode);
        Assert.Equal("o2", (await voter.GetJsonAsync($"/api/polls/{pollId}/votes/me")).GetProperty("optionId").GetString());
        Assert.Contains(pollId, (await editor.GetJsonAsync($"/api/articles/{article}")).GetProperty("pollIds").EnumerateArray().Select(id => id.GetString()));

        using var closed = await editor.PostAsJsonAsync("/api/imports/polls", Poll(pollId, article, closed: true));
        Assert.Equal("closed", (await editor.GetJsonAsync($"/api/polls/{pollId}")).GetProperty("status").GetString());
        using var recount = await editor.PostAsync($"/api/polls/{pollId}/recount", null);
        Assert.Equal(0, (await Json(recount)).GetProperty("differences").GetArrayLength());
    }

    [Fact]
    public async Task A_ballot_for_no_option_of_the_poll_refuses_the_batch_and_an_unknown_poll_is_404()
    {
        var article = CommentClient.NewArticle("import-poll-bad");
        var pollId = "p" + Guid.NewGuid().ToString("N")[..16];
        using var editor = await Factory.ReaderAsync("import-editor", "editor");
        using var reader = await Factory.ReaderAsync("import-reader");
        (await editor.PostAsJsonAsync("/api/imports/polls", Poll(pollId, article, closed: false))).EnsureSuccessStatusCode();

        using var bad = await editor.PostAsJsonAsync($"/api/imports/polls/{pollId}/ballots", new
        {
            ballots = new object[] { new { readerId = "r-good", choice = "o1", signedIn = true }, new { readerId = "r-bad", choice = "o9", signedIn = true } },
        });
        using var unknown = await editor.PostAsJsonAsync("/api/imports/polls/pnosuchpoll/ballots", new { ballots = new[] { new { readerId = "r-x", choice = "o1", signedIn = true } } });
        using var badOptionIds = await editor.PostAsJsonAsync("/api/imports/polls", Poll("p" + Guid.NewGuid().ToString("N")[..16], article, closed: false, secondId: "o7"));
        using var byReader = await reader.PostAsJsonAsync("/api/imports/polls", Poll("p" + Guid.NewGuid().ToString("N")[..16], article, closed: false));

        await ProblemAssert.Expect(bad, HttpStatusCode.BadRequest);
        await ProblemAssert.Expect(unknown, HttpStatusCode.NotFound);
        await ProblemAssert.Expect(badOptionIds, HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Forbidden, byReader.StatusCode);
        Assert.Equal(new long[] { 0, 0 }, (await editor.ResultsAsync(pollId)).Votes());
    }

    private static object Poll(string id, string articleId, bool closed, string secondId = "o2") => new
    {
        type = "poll",
        id,
        articleId,
        question = "Should the harbour be rebuilt?",
        options = new[] { new { id = "o1", text = "Yes" }, new { id = secondId, text = "No" } },
        closesAt = (DateTimeOffset?)null,
        allowAnonymous = true,
        allowVoteChange = false,
        createdAt = ImportClient.Start,
        closed,
        results = (object?)null,
        kind = "single",
        maxChoices = 1,
        scale = (object?)null,
        resultsVisibility = "always",
        opensAt = (DateTimeOffset?)null,
    };

    private static (int Counted, int Existed) Counts(JsonElement answer) => (answer.GetProperty("counted").GetInt32(), answer.GetProperty("existed").GetInt32());

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}
