using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moderation.Testing;

namespace Moderation.Cluster.Tests;

/// <summary>A poll's opening moved through one silo process, as the other answers it.</summary>
public sealed class PollScheduleAcrossSilosTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    [Fact]
    public async Task An_opening_moved_through_one_silo_is_the_one_the_other_silo_tells_and_opens_at()
    {
        await using var cluster = await TwoSilos.StartAsync(redis.ConnectionString);
        var readers = new Readers(cluster.SigningKey);
        using var editor = cluster.First.CreateClient().WithToken(readers.Token("editor-a", "editor"));
        using var reader = cluster.Second.CreateClient().WithToken(readers.Token("reader-b"));
        using var created = await editor.PostAsJsonAsync($"/api/articles/opening-{Guid.NewGuid():N}/polls", new
        {
            question = "Later?", options = new[] { "Yes", "No" }, opensAt = DateTimeOffset.UtcNow.AddHours(1),
        });
        var pollId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        // The second silo's poll directory learns the first opening from this vote.
        using var early = await reader.PostAsJsonAsync($"/api/polls/{pollId}/votes", new { optionId = "o1" });
        var moved = DateTimeOffset.UtcNow.AddDays(2);

        using var later = await editor.PutAsJsonAsync($"/api/polls/{pollId}/schedule", new { opensAt = moved });
        using var refused = await reader.PostAsJsonAsync($"/api/polls/{pollId}/votes", new { optionId = "o1" });
        var seen = await reader.GetFromJsonAsync<JsonElement>($"/api/polls/{pollId}");
        using var now = await editor.PutAsJsonAsync($"/api/polls/{pollId}/schedule", new { opensAt = (DateTimeOffset?)null });
        using var counted = await reader.PostAsJsonAsync($"/api/polls/{pollId}/votes", new { optionId = "o1" });

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(moved.ToUnixTimeMilliseconds(), problem.GetProperty("opensAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.Equal(moved.ToUnixTimeMilliseconds(), seen.GetProperty("opensAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.Equal(HttpStatusCode.OK, now.StatusCode);
        Assert.Equal(HttpStatusCode.OK, counted.StatusCode);
    }
}
