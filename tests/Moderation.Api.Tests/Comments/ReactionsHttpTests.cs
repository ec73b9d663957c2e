using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Moderation.Testing;

namespace Moderation.Api.Tests.Comments;

/// <summary>PUT and DELETE /api/comments/{id}/reaction; run on each store by the classes at the end of this file.</summary>
public abstract class ReactionsHttpTests(SharedSilo silo) : IAsyncLifetime
{
    private SiloFactory Factory => silo.Factory;

    public Task InitializeAsync() => Factory.WaitUntilReadyAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Reacting_is_idempotent_and_every_comment_shape_shows_the_count_and_whether_I_reacted()
    {
        var article = CommentClient.NewArticle("react");
        using var author = await Factory.ReaderAsync("react-author");
        using var fan = await Factory.ReaderAsync("react-fan");
        using var other = await Factory.ReaderAsync("react-other");
        var comment = await author.CommentAsync(article, CommentClient.Civil);
        var path = $"/api/comments/{comment.Id()}/reaction";

        var first = await ReactAsync(fan.PutAsync(path, null));
        var repeated = await ReactAsync(fan.PutAsync(path, null));
        await ReactAsync(other.PutAsync(path, null));

        Assert.Equal((1L, true), first);
        Assert.Equal((1L, true), repeated);
        var mine = await fan.GetJsonAsync($"/api/comments/{comment.Id()}");
        Assert.Equal(2, mine.GetProperty("reactions").GetInt64());
        Assert.True(mine.GetProperty("reactedByMe").GetBoolean());
        var authorsThread = await author.GetJsonAsync($"/api/articles/{article}/comments");
        var item = Assert.Single(authorsThread.GetProperty("items").EnumerateArray());
        Assert.Equal(2, item.GetProperty("reactions").GetInt64());
        Assert.False(item.GetProperty("reactedByMe").GetBoolean());
        using var anonymous = Factory.CreateClient();
        var publicItem = (await anonymous.GetJsonAsync($"/api/articles/{article}/comments")).GetProperty("items")[0];
        Assert.Equal(2, publicItem.GetProperty("reactions").GetInt64());
        Assert.Equal(JsonValueKind.Null, publicItem.GetProperty("reactedByMe").ValueKind);

        var taken = await ReactAsync(fan.DeleteAsync(path));
        var takenAgain = await ReactAsync(fan.DeleteAsync(path));

        Assert.Equal((1L, false), taken);
        Assert.Equal((1L, false), takenAgain);
        Assert.Equal(1, (await anonymous.GetJsonAsync($"/api/articles/{article}/comments")).GetProperty("items")[0].GetProperty("reactions").GetInt64());
    }

    [Fact]
    public async Task Reacting_to_my_own_comment_is_409_and_to_a_held_or_unknown_comment_404()
    {
        var article = CommentClient.NewArticle("react-refused");
        using var author = await Factory.ReaderAsync("react-self");
        using var fan = await Factory.ReaderAsync("react-fan");
        using var troll = await Factory.ReaderAsync("react-troll");
        var published = await author.CommentAsync(article, CommentClient.Civil);
        var held = await troll.CommentAsync(article, CommentClient.Abusive);

        using (var own = await author.PutAsync($"/api/comments/{published.Id()}/reaction", null))
        {
            await ProblemAssert.Expect(own, HttpStatusCode.Conflict);
        }

        using (var pending = await fan.PutAsync($"/api/comments/{held.Id()}/reaction", null))
        {
            await ProblemAssert.Expect(pending, HttpStatusCode.NotFound);
        }

        using (var unknown = await fan.DeleteAsync("/api/comments/c0000000000000000-1/reaction"))
        {
            await ProblemAssert.Expect(unknown, HttpStatusCode.NotFound);
        }

        using (var malformed = await fan.PutAsync("/api/comments/not!an!id/reaction", null))
        {
            await ProblemAssert.Expect(malformed, HttpStatusCode.NotFound);
        }

        Assert.Equal(0, (await fan.GetJsonAsync($"/api/comments/{published.Id()}")).GetProperty("reactions").GetInt64());
    }

    [Fact]
    public async Task A_banned_reader_cannot_react_and_an_anonymous_caller_must_sign_in()
    {
        var article = CommentClient.NewArticle("react-banned");
        using var author = await Factory.ReaderAsync("react-author");
        using var moderator = await Factory.ModeratorAsync();
        var comment = await author.CommentAsync(article, CommentClient.Civil);
        var subject = $"react-banned-{Guid.NewGuid():N}"[..24];
        using var banned = Factory.CreateClient();
        banned.WithToken(await banned.DevTokenAsync(subject, []));
        (await moderator.PostAsJsonAsync($"/api/moderation/readers/{subject}/ban", new { reason = "abuse" })).EnsureSuccessStatusCode();

        using (var refused = await banned.PutAsync($"/api/comments/{comment.Id()}/reaction", null))
        {
            await ProblemAssert.Expect(refused, HttpStatusCode.Forbidden);
        }

        using var anonymous = Factory.CreateClient();
        using (var unauthorised = await anonymous.PutAsync($"/api/comments/{comment.Id()}/reaction", null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, unauthorised.StatusCode);
        }

        Assert.Equal(0, (await author.GetJsonAsync($"/api/comments/{comment.Id()}")).GetProperty("reactions").GetInt64());
    }

    [Fact]
    public async Task A_reaction_to_a_featured_reply_shows_on_the_cached_first_page_of_the_featured_sort()
    {
        var article = CommentClient.NewArticle("react-featured-reply");
        using var author = await Factory.ReaderAsync("react-author");
        using var replier = await Factory.ReaderAsync("react-replier");
        using var fan = await Factory.ReaderAsync("react-fan");
        using var editor = await Factory.ReaderAsync("react-editor", "editor");
        var comment = await author.CommentAsync(article, CommentClient.Civil);
        var reply = await replier.CommentAsync(article, "A fair point about the harvest and the farmers' costs.", comment.Id());
        (await editor.PostAsync($"/api/moderation/comments/{reply.Id()}/feature", null)).EnsureSuccessStatusCode();
        using var anonymous = Factory.CreateClient();
        var featured = $"/api/articles/{article}/comments?sort=featured";
        Assert.Equal(0, (await anonymous.GetJsonAsync(featured)).GetProperty("items")[0].GetProperty("reactions").GetInt64());

        await ReactAsync(fan.PutAsync($"/api/comments/{reply.Id()}/reaction", null));

        Assert.Equal(1, (await anonymous.GetJsonAsync(featured)).GetProperty("items")[0].GetProperty("reactions").GetInt64());
    }

    private static async Task<(long Reactions, bool ReactedByMe)> ReactAsync(Task<HttpResponseMessage> request)
    {
        using var response = await request;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.StatusCode}: {text}");
        var body = JsonDocument.Parse(text).RootElement;
        return (body.GetProperty("reactions").GetInt64(), body.GetProperty("reactedByMe").GetBoolean());
    }
}

[Collection(SiloCollection.Name)]
public sealed class ReactionsHttpOnEmbeddedStoreTests(SharedSilo silo) : ReactionsHttpTests(silo);

[Collection(RedisServerSiloCollection.Name)]
public sealed class ReactionsHttpOnRedisServerTests(SharedSiloOnRedisServer silo) : ReactionsHttpTests(silo);

[Collection(RedisClusterSiloCollection.Name)]
public sealed class ReactionsHttpOnRedisClusterTests(SharedSiloOnRedisCluster silo) : ReactionsHttpTests(silo);
