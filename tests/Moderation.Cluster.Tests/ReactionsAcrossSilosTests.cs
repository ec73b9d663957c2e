using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Moderation.Testing;

namespace Moderation.Cluster.Tests;

/// <summary>Reactions to one comment sent to two silo processes at once are counted exactly.</summary>
public sealed class ReactionsAcrossSilosTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    private const int Fans = 120;
    private const int TakenBack = 40;

    [Fact]
    public async Task Concurrent_reactions_on_one_comment_through_two_silos_count_each_reader_once()
    {
        await using var cluster = await TwoSilos.StartAsync(redis.ConnectionString);
        var readers = new Readers(cluster.SigningKey);
        using var first = cluster.First.CreateClient();
        using var second = cluster.Second.CreateClient();
        var article = "reactions-" + Guid.NewGuid().ToString("N")[..8];
        using var post = new HttpRequestMessage(HttpMethod.Post, $"/api/articles/{article}/comments")
        {
            Content = JsonContent.Create(new { body = "A fair and well argued piece on the harvest." }),
        };
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", readers.Token("reaction-author"));
        using var posted = await first.SendAsync(post);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var commentId = (await posted.Content.ReadFromJsonAsync<Comment>())!.Id;
        var path = $"/api/comments/{commentId}/reaction";

        // Every fan reacts through both silos at the same time; then some take it back, also through both.
        var statuses = await Task.WhenAll(Enumerable.Range(0, Fans).SelectMany(fan => new[]
        {
            SendAsync(first, HttpMethod.Put, path, readers.Token($"fan-{fan}")),
            SendAsync(second, HttpMethod.Put, path, readers.Token($"fan-{fan}")),
        }));
        statuses = [.. statuses, .. await Task.WhenAll(Enumerable.Range(0, TakenBack).SelectMany(fan => new[]
        {
            SendAsync(first, HttpMethod.Delete, path, readers.Token($"fan-{fan}")),
            SendAsync(second, HttpMethod.Delete, path, readers.Token($"fan-{fan}")),
        }))];

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(Fans - TakenBack, (await second.GetFromJsonAsync<Comment>($"/api/comments/{commentId}"))!.Reactions);
        Assert.Equal(Fans - TakenBack, (await first.GetFromJsonAsync<Comment>($"/api/comments/{commentId}"))!.Reactions);
    }

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, HttpMethod method, string path, string token)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private sealed record Comment(string Id, long Reactions);
}
