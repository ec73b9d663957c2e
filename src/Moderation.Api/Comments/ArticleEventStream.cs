using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Moderation.Api.Events;
using Moderation.Contracts.Articles;
using Moderation.Contracts.Comments;
using Moderation.Http.Comments;

namespace Moderation.Api.Comments;

/// <summary>
/// The SSE response of one article listener: the published count first, then an event: comment for each newly
/// published comment followed by its event: count, and an event: count alone when a rejection or deletion changed it.
/// </summary>
public sealed class ArticleEventStream(string articleId, ArticleEventsHub hub, IGrainFactory grains, TimeSpan keepAlive) : IResult
{
    public async Task ExecuteAsync(HttpContext context)
    {
        var response = context.Response;
        EventStreamWriter.Start(response);

        // Subscribe before reading the count, so that no change falls between the two.
        await using var listener = await hub.ListenAsync(articleId);
        var article = await grains.GetGrain<IArticleGrain>(articleId).Get();
        await EventStreamWriter.WriteAsync(response, ArticleEvent.CountKind, CountJson(article.CommentCount), context.RequestAborted);

        await EventStreamWriter.PumpAsync(context, listener.Updates, keepAlive, async (json, cancellation) =>
        {
            var message = JsonSerializer.Deserialize<ArticleEvent>(json, PublicComment.JsonOptions);
            if (message is null)
            {
                return;
            }

            if (message is { Kind: ArticleEvent.CommentKind, Comment: { } comment })
            {
                await EventStreamWriter.WriteAsync(response, ArticleEvent.CommentKind, JsonSerializer.Serialize(comment, PublicComment.JsonOptions), cancellation);
            }

            await EventStreamWriter.WriteAsync(response, ArticleEvent.CountKind, CountJson(message.Count), cancellation);
        });
    }

    private string CountJson(long count) => JsonSerializer.Serialize(new { articleId, count }, PublicComment.JsonOptions);
}
