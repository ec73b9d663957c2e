using System.Text.Json;
using Moderation.Contracts.Comments;
using Moderation.Contracts.Polls;
using Moderation.Http;
using Moderation.Http.Comments;
using Moderation.Http.Polls;

namespace Moderation.Api.Tests.Shapes;

/// <summary>
/// Some answers are written from the grains' records rather than the Moderation.Http shapes (poll results are cached as
/// JSON as the tally grain publishes them): the shared shapes must read them whole.
/// </summary>
public sealed class SharedShapesTests
{
    [Fact]
    public void Published_poll_results_read_whole_as_the_shared_results_shape()
    {
        var results = new PollResults("p1", 5, [new OptionVotes("yes", 3), new OptionVotes("no", 2)], "open", DateTimeOffset.UnixEpoch.AddDays(1), 7);

        var json = JsonSerializer.Serialize(results, PollResultsJson.Options);
        var shared = JsonSerializer.Deserialize<PollResultsResponse>(json, HttpJson.Options)!;

        Assert.Equal(
            new PollResultsResponse("p1", 5, shared.Options, "open", DateTimeOffset.UnixEpoch.AddDays(1), 7),
            shared);
        Assert.Equal([new OptionVotesResponse("yes", 3), new OptionVotesResponse("no", 2)], shared.Options);
        Assert.Equal(json, JsonSerializer.Serialize(shared, HttpJson.Options));
    }

    [Fact]
    public void An_article_event_carries_the_shared_comment_shape()
    {
        var comment = new PublicComment("c1", "a1", null, null, 1, "ann", "Ann", "Hi", DateTimeOffset.UnixEpoch, "published", 1, 0, false);

        var json = JsonSerializer.Serialize(new ArticleEvent(ArticleEvent.CommentKind, 1, comment), HttpJson.Options);
        var read = JsonSerializer.Deserialize<ArticleEvent>(json, HttpJson.Options)!;

        Assert.Equal(comment, read.Comment);
        Assert.Contains("\"comment\":{\"id\":\"c1\"", json, StringComparison.Ordinal);
    }
}
