using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moderation.Testing;

namespace Moderation.Cluster.Tests;

/// <summary>Word lists and the moderation stream on two silo processes over one Redis.</summary>
public sealed class SiteRulesAcrossSilosTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task Word_lists_changed_through_one_silo_apply_on_the_other_within_seconds()
    {
        await using var cluster = await TwoSilos.StartAsync(redis.ConnectionString);
        var readers = new Readers(cluster.SigningKey);
        using var editor = cluster.First.CreateClient().WithToken(readers.Token("editor-a", "editor"));
        using var author = cluster.Second.CreateClient().WithToken(readers.Token("author-b"));
        var article = "rules-" + Guid.NewGuid().ToString("N")[..8];
        using var before = await author.PostAsJsonAsync($"/api/articles/{article}/comments", new { body = "A zindlewop of a budget." });

        using var change = await editor.PutAsJsonAsync("/api/moderation/rules/words", new { banned = new[] { "zindlewop" }, suspect = Array.Empty<string>() });
        var rejectedAfter = await UntilAsync(async () =>
        {
            using var response = await author.PostAsJsonAsync($"/api/articles/{article}/comments", new { body = "Another z1ndlewop of a budget." });
            return response.StatusCode == HttpStatusCode.Created
                && (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString() == "rejected";
        }, TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.Created, before.StatusCode);
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.True(rejectedAfter, "The second silo still published the banned word 10 s after the change.");
    }

    [Fact]
    public async Task Trust_settings_changed_through_one_silo_apply_on_the_other_within_seconds()
    {
        await using var cluster = await TwoSilos.StartAsync(redis.ConnectionString);
        var readers = new Readers(cluster.SigningKey);
        using var editor = cluster.First.CreateClient().WithToken(readers.Token("editor-a", "editor"));
        var article = "trust-" + Guid.NewGuid().ToString("N")[..8];

        using var change = await editor.PutAsJsonAsync("/api/moderation/rules/trust", new
        {
            newReaderComments = 1, linkApprovedComments = 0, recentRejections = 0, rejectionWindowMinutes = 1440, rejectionPremoderationMinutes = 1440,
        });
        var newcomer = 0;
        var heldAfter = await UntilAsync(async () =>
        {
            using var author = cluster.Second.CreateClient().WithToken(readers.Token($"newcomer-{++newcomer}"));
            using var response = await author.PostAsJsonAsync($"/api/articles/{article}/comments", new { body = "A calm point about the bridge." });
            return response.StatusCode == HttpStatusCode.Created
                && (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString() == "pending";
        }, TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.True(heldAfter, "The second silo still published a new reader's first comment 10 s after the change.");
    }

    [Fact]
    public async Task A_moderator_on_one_silo_sees_holds_and_decisions_made_through_the_other()
    {
        await using var cluster = await TwoSilos.StartAsync(redis.ConnectionString);
        var readers = new Readers(cluster.SigningKey);
        using var watcher = cluster.Second.CreateClient().WithToken(readers.Token("mod-b", "moderator"));
        using var decider = cluster.First.CreateClient().WithToken(readers.Token("mod-a", "moderator"));
        using var author = cluster.First.CreateClient().WithToken(readers.Token("author-a"));
        await using var events = await SseReader.OpenAsync(watcher, "/api/moderation/events");
        await events.NextNamedAsync("ready", TimeSpan.FromSeconds(20));

        var article = "stream-" + Guid.NewGuid().ToString("N")[..8];
        using var premoderate = await decider.PutAsJsonAsync($"/api/articles/{article}/settings", new { premoderation = true });
        using var posted = await author.PostAsJsonAsync($"/api/articles/{article}/comments", new { body = "A calm point about the bridge." });
        var comment = JsonDocument.Parse(await posted.Content.ReadAsStringAsync()).RootElement;
        var commentId = comment.GetProperty("id").GetString()!;
        using var decided = await decider.PostAsJsonAsync($"/api/moderation/comments/{commentId}/decision", new { action = "approve", revision = 1 });

        var held = (await events.NextNamedAsync("comment.held", TimeSpan.FromSeconds(20))).Data;
        var decision = (await events.NextNamedAsync("comment.decided", TimeSpan.FromSeconds(20))).Data;

        Assert.Equal(HttpStatusCode.OK, decided.StatusCode);
        Assert.Equal(commentId, held.GetProperty("commentId").GetString());
        Assert.Equal(commentId, decision.GetProperty("commentId").GetString());
        Assert.Equal("mod-a", decision.GetProperty("by").GetString());
        Assert.Equal("published", decision.GetProperty("status").GetString());
    }

    private static async Task<bool> UntilAsync(Func<Task<bool>> condition, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }
}
