using System.Net;
using System.Text.Json;
using Moderation.Testing;

namespace Moderation.Api.Tests.Comments;

/// <summary>Featuring comments and the thread's sorts over HTTP; run on each store by the classes at the end of this file.</summary>
public abstract class FeaturedAndSortsHttpTests(SharedSilo silo) : IAsyncLifetime
{
    private SiloFactory Factory => silo.Factory;

    public Task InitializeAsync() => Factory.WaitUntilReadyAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_editor_features_a_comment_the_shapes_say_so_the_featured_sort_lists_it_and_the_audit_trail_records_it_once()
    {
        var article = CommentClient.NewArticle("featured");
        using var editor = await Factory.ReaderAsync("feature-editor", "editor");
        using var moderator = await Factory.ModeratorAsync();
        using var ann = await Factory.ReaderAsync("feature-ann");
        using var bob = await Factory.ReaderAsync("feature-bob");
        var picked = await ann.CommentAsync(article, CommentClient.Civil);
        await bob.CommentAsync(article, "A second, quieter remark about the farmers and their harvest.");
        var path = $"/api/moderation/comments/{picked.Id()}/feature";

        var featured = await OkAsync(editor.PostAsync(path, null));
        await OkAsync(editor.PostAsync(path, null));

        Assert.True(featured.GetProperty("featured").GetBoolean());
        var list = await bob.GetJsonAsync($"/api/articles/{article}/comments?sort=featured");
        Assert.Equal([picked.Id()], list.GetProperty("items").EnumerateArray().Select(item => item.Id()));
        Assert.True((await bob.GetJsonAsync($"/api/comments/{picked.Id()}")).GetProperty("featured").GetBoolean());
        var audit = await moderator.GetJsonAsync($"/api/moderation/audit?commentId={picked.Id()}");
        Assert.Equal(["feature"], audit.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("action").GetString()));

        var taken = await OkAsync(moderator.DeleteAsync(path));

        Assert.False(taken.GetProperty("featured").GetBoolean());
        Assert.Empty((await bob.GetJsonAsync($"/api/articles/{article}/comments?sort=featured")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Featuring_a_held_or_unknown_comment_is_404_and_a_reader_may_not_feature()
    {
        var article = CommentClient.NewArticle("featured-refused");
        using var editor = await Factory.ReaderAsync("feature-editor", "editor");
        using var troll = await Factory.ReaderAsync("feature-troll");
        var held = await troll.CommentAsync(article, CommentClient.Abusive);

        using (var pending = await editor.PostAsync($"/api/moderation/comments/{held.Id()}/feature", null))
        {
            await ProblemAssert.Expect(pending, HttpStatusCode.NotFound);
        }

        using (var unknown = await editor.PostAsync("/api/moderation/comments/c0000000000000000-2/feature", null))
        {
            await ProblemAssert.Expect(unknown, HttpStatusCode.NotFound);
        }

        using (var reader = await troll.PostAsync($"/api/moderation/comments/{held.Id()}/feature", null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, reader.StatusCode);
        }
    }

    [Fact]
    public async Task Top_lists_the_most_reacted_first_then_the_newest_and_pages_with_a_cursor()
    {
        var article = CommentClient.NewArticle("top");
        var authors = new List<HttpClient>();
        var ids = new List<string>();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                authors.Add(await Factory.ReaderAsync($"top-author-{i}"));
                ids.Add((await authors[i].CommentAsync(article, $"{CommentClient.Civil} Remark number {i}.")).Id());
            }

            // Comment 1 gets three reactions, comment 2 one.
            for (var fan = 0; fan < 3; fan++)
            {
                (await authors[(fan + 2) % 4].PutAsync($"/api/comments/{ids[1]}/reaction", null)).EnsureSuccessStatusCode();
            }

            (await authors[0].PutAsync($"/api/comments/{ids[2]}/reaction", null)).EnsureSuccessStatusCode();
            using var anonymous = Factory.CreateClient();

            var cached = await anonymous.GetJsonAsync($"/api/articles/{article}/comments?sort=top");
            var first = await anonymous.GetJsonAsync($"/api/articles/{article}/comments?sort=top&limit=3");
            var next = first.GetProperty("nextCursor").GetString();
            var second = await anonymous.GetJsonAsync($"/api/articles/{article}/comments?sort=top&limit=3&cursor={next}");

            string[] expected = [ids[1], ids[2], ids[3], ids[0]];
            Assert.Equal(expected, cached.GetProperty("items").EnumerateArray().Select(item => item.Id()));
            Assert.Equal(expected, first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(item => item.Id()));
            Assert.Equal(JsonValueKind.Null, second.GetProperty("nextCursor").ValueKind);
            Assert.Equal(3, cached.GetProperty("items")[0].GetProperty("reactions").GetInt64());
            using var unknownSort = await anonymous.GetAsync($"/api/articles/{article}/comments?sort=loudest");
            await ProblemAssert.Expect(unknownSort, HttpStatusCode.BadRequest);
        }
        finally
        {
            foreach (var author in authors)
            {
                author.Dispose();
            }
        }
    }

    private static async Task<JsonElement> OkAsync(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}

[Collection(SiloCollection.Name)]
public sealed class FeaturedAndSortsHttpOnEmbeddedStoreTests(SharedSilo silo) : FeaturedAndSortsHttpTests(silo);

[Collection(RedisServerSiloCollection.Name)]
public sealed class FeaturedAndSortsHttpOnRedisServerTests(SharedSiloOnRedisServer silo) : FeaturedAndSortsHttpTests(silo);

[Collection(RedisClusterSiloCollection.Name)]
public sealed class FeaturedAndSortsHttpOnRedisClusterTests(SharedSiloOnRedisCluster silo) : FeaturedAndSortsHttpTests(silo);
