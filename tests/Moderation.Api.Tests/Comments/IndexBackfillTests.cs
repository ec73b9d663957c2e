using Microsoft.Extensions.DependencyInjection;
using Moderation.Redis.Comments;
using Moderation.Redis.Readers;
using Moderation.Testing;
using StackExchange.Redis;

namespace Moderation.Api.Tests.Comments;

/// <summary>The start-up backfill of the top and own-comments indexes, on comments whose index entries are taken away as if posted before them.</summary>
[Collection(RedisServerSiloCollection.Name)]
public sealed class IndexBackfillTests(SharedSiloOnRedisServer silo) : IAsyncLifetime
{
    private SiloFactory Factory => silo.Factory;

    public Task InitializeAsync() => Factory.WaitUntilReadyAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Old_comments_get_their_top_and_own_entries_once_and_a_finished_article_is_skipped_on_resume()
    {
        var article = CommentClient.NewArticle("backfill");
        using var author = await Factory.ReaderAsync("backfill-author");
        using var fan = await Factory.ReaderAsync("backfill-fan");
        var comment = await author.CommentAsync(article, CommentClient.Civil);
        (await fan.PutAsync($"/api/comments/{comment.Id()}/reaction", null)).EnsureSuccessStatusCode();
        var part = CommentParts.OfComment(comment.Id());
        var authorId = comment.GetProperty("authorId").GetString()!;
        var database = Factory.Services.GetRequiredService<IConnectionMultiplexer>().GetDatabase();
        var backfill = Factory.Services.GetRequiredService<CommentIndexBackfill>();
        var top = CommentRedisKeys.Top(part, article);
        var expectedScore = await database.SortedSetScoreAsync(top, comment.Id());
        await ForgetAsync(database, part, article, authorId, comment.Id());
        Assert.Empty((await fan.GetJsonAsync($"/api/articles/{article}/comments?sort=top")).GetProperty("items").EnumerateArray());
        Assert.Empty((await author.GetJsonAsync("/api/readers/me/comments")).GetProperty("items").EnumerateArray());

        Assert.True(await backfill.RunAsync(CancellationToken.None) >= 1);

        Assert.Equal(expectedScore, await database.SortedSetScoreAsync(top, comment.Id()));
        Assert.Equal(1, (long)expectedScore!.Value >> 33);
        Assert.Single((await fan.GetJsonAsync($"/api/articles/{article}/comments?sort=top")).GetProperty("items").EnumerateArray());
        var own = Assert.Single((await author.GetJsonAsync("/api/readers/me/comments")).GetProperty("items").EnumerateArray());
        Assert.Equal(comment.Id(), own.GetProperty("comment").Id());
        Assert.Equal(0, await backfill.RunAsync(CancellationToken.None));

        await ForgetAsync(database, part, article, authorId, comment.Id());
        await database.SetAddAsync(CommentIndexBackfill.ArticlesDoneKey(part), article);
        await backfill.RunAsync(CancellationToken.None);
        Assert.Null(await database.SortedSetScoreAsync(top, comment.Id()));
        Assert.False(await database.KeyExistsAsync(CommentIndexBackfill.ArticlesDoneKey(part)));
        Assert.True(await database.KeyExistsAsync(CommentIndexBackfill.DoneKey(part)));
    }

    private static async Task ForgetAsync(IDatabase database, int part, string article, string authorId, string commentId)
    {
        await database.SortedSetRemoveAsync(CommentRedisKeys.Top(part, article), commentId);
        await database.SortedSetRemoveAsync(ReaderRedisKeys.Comments(part, authorId), commentId);
        await database.KeyDeleteAsync(CommentIndexBackfill.DoneKey(part));
    }
}
