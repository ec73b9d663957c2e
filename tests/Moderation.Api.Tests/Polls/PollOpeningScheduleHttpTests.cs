using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moderation.Testing;

namespace Moderation.Api.Tests.Polls;

/// <summary>An editor moving or clearing the opensAt of a poll not open yet, over HTTP.</summary>
[Collection(SiloCollection.Name)]
public sealed class PollOpeningScheduleHttpTests(SharedSilo silo)
{
    private SiloFactory Factory => silo.Factory;

    [Fact]
    public async Task Moving_opensAt_later_stores_it_and_a_vote_before_it_is_told_the_new_time()
    {
        using var editor = await EditorAsync();
        var pollId = await ScheduledPollAsync(editor, DateTimeOffset.UtcNow.AddHours(1));
        using var reader = await Factory.ReaderAsync("opening-early");
        // The vote routes through this silo's poll directory, which now holds the first opensAt.
        (await reader.VoteAsync(pollId, "o1")).Dispose();
        var moved = DateTimeOffset.UtcNow.AddDays(40);

        using var response = await editor.PutAsJsonAsync($"/api/polls/{pollId}/schedule", new { opensAt = moved });
        using var vote = await reader.VoteAsync(pollId, "o1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var poll = await editor.GetFromJsonAsync<JsonElement>($"/api/polls/{pollId}");
        Assert.Equal(moved.ToUnixTimeMilliseconds(), poll.GetProperty("opensAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.Equal("scheduled", poll.GetProperty("status").GetString());
        var problem = await ProblemAssert.Expect(vote, HttpStatusCode.Conflict);
        Assert.Equal(moved.ToUnixTimeMilliseconds(), problem.GetProperty("opensAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task Clearing_opensAt_opens_the_poll_now_and_keeps_its_closesAt()
    {
        using var editor = await EditorAsync();
        var closesAt = DateTimeOffset.UtcNow.AddDays(2);
        var pollId = await ScheduledPollAsync(editor, DateTimeOffset.UtcNow.AddDays(1), closesAt);

        using var response = await editor.PutAsJsonAsync($"/api/polls/{pollId}/schedule", new { opensAt = (DateTimeOffset?)null });
        using var reader = await Factory.ReaderAsync("opening-cleared");
        using var vote = await reader.VoteAsync(pollId, "o2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var poll = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("open", poll.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, poll.GetProperty("opensAt").ValueKind);
        Assert.Equal(closesAt.ToUnixTimeMilliseconds(), poll.GetProperty("closesAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.Equal(HttpStatusCode.OK, vote.StatusCode);
    }

    [Fact]
    public async Task A_request_without_opensAt_leaves_it_as_it_is()
    {
        using var editor = await EditorAsync();
        var opensAt = DateTimeOffset.UtcNow.AddHours(3);
        var pollId = await ScheduledPollAsync(editor, opensAt);

        using var response = await editor.PutAsJsonAsync($"/api/polls/{pollId}/schedule", new { closesAt = opensAt.AddHours(1) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var poll = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(opensAt.ToUnixTimeMilliseconds(), poll.GetProperty("opensAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.Equal("scheduled", poll.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Moving_the_opensAt_of_a_poll_already_open_is_409_and_changes_nothing()
    {
        using var editor = await EditorAsync();
        var created = await editor.CreatePollAsync("opening-" + Guid.NewGuid().ToString("N")[..8]);
        var pollId = created.GetProperty("id").GetString()!;

        using var response = await editor.PutAsJsonAsync($"/api/polls/{pollId}/schedule", new { opensAt = DateTimeOffset.UtcNow.AddHours(1) });

        var problem = await ProblemAssert.Expect(response, HttpStatusCode.Conflict);
        Assert.Contains("opened", problem.GetProperty("detail").GetString());
        var poll = await editor.GetFromJsonAsync<JsonElement>($"/api/polls/{pollId}");
        Assert.Equal("open", poll.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, poll.GetProperty("opensAt").ValueKind);
    }

    [Fact]
    public async Task An_opensAt_in_the_past_or_not_before_closesAt_is_400_and_changes_nothing()
    {
        using var editor = await EditorAsync();
        var opensAt = DateTimeOffset.UtcNow.AddHours(1);
        var closesAt = DateTimeOffset.UtcNow.AddHours(2);
        var pollId = await ScheduledPollAsync(editor, opensAt, closesAt);

        using var past = await editor.PutAsJsonAsync($"/api/polls/{pollId}/schedule", new { opensAt = DateTimeOffset.UtcNow.AddMinutes(-1) });
        using var afterClose = await editor.PutAsJsonAsync($"/api/polls/{pollId}/schedule", new { opensAt = closesAt.AddMinutes(1) });
        using var both = await editor.PutAsJsonAsync($"/api/polls/{pollId}/schedule", new { opensAt = closesAt, closesAt = opensAt });

        foreach (var response in new[] { past, afterClose, both })
        {
            var problem = await ProblemAssert.Expect(response, HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("opensAt", out _));
        }

        var poll = await editor.GetFromJsonAsync<JsonElement>($"/api/polls/{pollId}");
        Assert.Equal(opensAt.ToUnixTimeMilliseconds(), poll.GetProperty("opensAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.Equal(closesAt.ToUnixTimeMilliseconds(), poll.GetProperty("closesAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task Moving_opensAt_and_closesAt_together_checks_them_against_each_other()
    {
        using var editor = await EditorAsync();
        var pollId = await ScheduledPollAsync(editor, DateTimeOffset.UtcNow.AddHours(1), DateTimeOffset.UtcNow.AddHours(2));
        var opensAt = DateTimeOffset.UtcNow.AddDays(3);
        var closesAt = DateTimeOffset.UtcNow.AddDays(4);

        using var response = await editor.PutAsJsonAsync($"/api/polls/{pollId}/schedule", new { opensAt, closesAt });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var poll = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(opensAt.ToUnixTimeMilliseconds(), poll.GetProperty("opensAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.Equal(closesAt.ToUnixTimeMilliseconds(), poll.GetProperty("closesAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
    }

    private static async Task<string> ScheduledPollAsync(HttpClient editor, DateTimeOffset opensAt, DateTimeOffset? closesAt = null)
    {
        using var created = await editor.PostAsJsonAsync($"/api/articles/opening-{Guid.NewGuid():N}/polls", new
        {
            question = "Later?", options = new[] { "Yes", "No" }, opensAt, closesAt,
        });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private async Task<HttpClient> EditorAsync()
    {
        var client = Factory.CreateClient();
        return client.WithToken(await client.DevTokenAsync("editor-" + Guid.NewGuid().ToString("N")[..6], "editor"));
    }
}
