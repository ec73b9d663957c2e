using System.Net;
using Moderation.Testing;

namespace Moderation.Api.Tests.Comments;

/// <summary>The routes that act on published comments only answer one and the same 404 for any other id.</summary>
[Collection(SiloCollection.Name)]
public sealed class PublishedCommentLookupHttpTests(SharedSilo silo) : IAsyncLifetime
{
    private SiloFactory Factory => silo.Factory;

    public Task InitializeAsync() => Factory.WaitUntilReadyAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Reacting_to_and_featuring_a_held_an_unknown_or_a_malformed_comment_id_answer_the_same_404_naming_the_id()
    {
        var article = CommentClient.NewArticle("lookup-refused");
        using var editor = await Factory.ReaderAsync("lookup-editor", "editor");
        using var troll = await Factory.ReaderAsync("lookup-troll");
        var held = await troll.CommentAsync(article, CommentClient.Abusive);

        foreach (var commentId in new[] { held.Id(), "c0000000000000000-2", "not-an-id" })
        {
            using var reacted = await editor.PutAsync($"/api/comments/{commentId}/reaction", null);
            using var featured = await editor.PostAsync($"/api/moderation/comments/{commentId}/feature", null);
            var reaction = await ProblemAssert.Expect(reacted, HttpStatusCode.NotFound);
            var feature = await ProblemAssert.Expect(featured, HttpStatusCode.NotFound);

            Assert.Equal($"There is no published comment '{commentId}'.", reaction.GetProperty("detail").GetString());
            Assert.Equal(
                (reaction.GetProperty("title").GetString(), reaction.GetProperty("detail").GetString()),
                (feature.GetProperty("title").GetString(), feature.GetProperty("detail").GetString()));
        }
    }
}
