using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Moderation.Api.Auth;
using Moderation.Contracts.Articles;

namespace Moderation.Api.Articles;

public static class ArticlesApi
{
    public static RouteGroupBuilder MapArticles(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/articles/{articleId}").WithTags("Articles");
        group.MapGet("", GetArticle).WithSummary("An article's settings, published comment count and polls.");
        group.MapPut("/settings", UpdateSettings).RequireAuthorization(Policies.ModeratorOrEditor)
            .WithSummary("Change comments open, premoderation or the hold threshold.");
        return group;
    }

    private static async Task<Results<Ok<ArticleResponse>, ValidationProblem>> GetArticle(
        string articleId, IGrainFactory grains)
    {
        if (!ArticleIds.IsValid(articleId))
        {
            return InvalidArticleId();
        }

        var article = await grains.GetGrain<IArticleGrain>(articleId).Get();
        return TypedResults.Ok(ArticleResponse.From(article));
    }

    private static async Task<Results<Ok<ArticleResponse>, ValidationProblem>> UpdateSettings(
        string articleId, ArticleSettingsRequest request, IGrainFactory grains)
    {
        if (!ArticleIds.IsValid(articleId))
        {
            return InvalidArticleId();
        }

        if (request.HoldThreshold is { } threshold && (double.IsNaN(threshold) || threshold is < 0 or > 1))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["holdThreshold"] = ["The hold threshold must be a number in [0,1]."],
            });
        }

        var update = new ArticleSettingsUpdate(request.CommentsOpen, request.Premoderation, request.HoldThreshold);
        var article = await grains.GetGrain<IArticleGrain>(articleId).UpdateSettings(update);
        return TypedResults.Ok(ArticleResponse.From(article));
    }

    internal static ValidationProblem InvalidArticleId() => TypedResults.ValidationProblem(new Dictionary<string, string[]>
    {
        ["articleId"] = ["An article id is 1 to 128 of A-Z, a-z, 0-9, '.', '_' and '-'."],
    });
}

public sealed record ArticleSettingsRequest(bool? CommentsOpen, bool? Premoderation, double? HoldThreshold);

public sealed record ArticleResponse(
    string Id, bool CommentsOpen, bool Premoderation, double? HoldThreshold, int CommentCount, IReadOnlyList<string> PollIds)
{
    public static ArticleResponse From(ArticleView article) => new(
        article.Id,
        article.CommentsOpen,
        article.Premoderation,
        article.HoldThreshold,
        article.CommentCount,
        article.PollIds);
}
