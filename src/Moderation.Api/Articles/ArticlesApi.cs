using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Moderation.Api.Auth;
using Moderation.Api.Toxicity;
using Moderation.Contracts.Articles;
using Moderation.Http.Articles;

namespace Moderation.Api.Articles;

public static class ArticlesApi
{
    /// <summary>The largest trust rule count an article takes: a reader's thousandth comment is long past being new.</summary>
    private const int MaxTrustCount = 1000;

    public static RouteGroupBuilder MapArticles(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/articles/{articleId}").WithTags("Articles");
        group.MapGet("", GetArticle).WithSummary("An article's settings, published comment count and polls.");
        group.MapPut("/settings", UpdateSettings).RequireAuthorization(Policies.ModeratorOrEditor)
            .WithSummary("Change comments open, premoderation, the hold threshold or the article's trust rule counts.");
        group.MapPost("/recount", RecountComments).RequireAuthorization(Policies.ModeratorOrEditor)
            .WithSummary("Recount the published comments and reply counts from the comments themselves, and correct what differs.");
        return group;
    }

    private static async Task<Results<Ok<ArticleResponse>, ValidationProblem>> GetArticle(
        string articleId, IGrainFactory grains, ModelHost model)
    {
        if (!ArticleIds.IsValid(articleId))
        {
            return InvalidArticleId();
        }

        var article = await grains.GetGrain<IArticleGrain>(articleId).Get();
        return TypedResults.Ok(ArticleResponses.From(article, model.Scorer?.Model.Manifest.HoldThreshold));
    }

    private static async Task<Results<Ok<ArticleResponse>, ValidationProblem>> UpdateSettings(
        string articleId, ArticleSettingsRequest request, IGrainFactory grains, ModelHost model)
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

        if (request.Trust is { NewReaderComments: < 0 or > MaxTrustCount } or { LinkApprovedComments: < 0 or > MaxTrustCount } or { RecentRejections: < 0 or > MaxTrustCount })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["trust"] = [$"Each trust rule count is a whole number from 0 to {MaxTrustCount}, or null for the site's."],
            });
        }

        var trust = request.Trust is { } counts ? new ArticleTrust(counts.NewReaderComments, counts.LinkApprovedComments, counts.RecentRejections) : null;
        var update = new ArticleSettingsUpdate(request.CommentsOpen, request.Premoderation, request.HoldThreshold, trust);
        var article = await grains.GetGrain<IArticleGrain>(articleId).UpdateSettings(update);
        return TypedResults.Ok(ArticleResponses.From(article, model.Scorer?.Model.Manifest.HoldThreshold));
    }

    private static async Task<Results<Ok<CommentRecountReport>, ValidationProblem, ProblemHttpResult>> RecountComments(
        string articleId, IGrainFactory grains)
    {
        if (!ArticleIds.IsValid(articleId))
        {
            return InvalidArticleId();
        }

        var report = await grains.GetGrain<IArticleGrain>(articleId).RecountComments();
        return report is null
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Thread too busy",
                detail: "Comments kept changing during every recount attempt; nothing was changed. Try again.")
            : TypedResults.Ok(report);
    }

    internal static ValidationProblem InvalidArticleId() => TypedResults.ValidationProblem(new Dictionary<string, string[]>
    {
        ["articleId"] = ["An article id is 1 to 128 of A-Z, a-z, 0-9, '.', '_' and '-'."],
    });
}

/// <summary>The HTTP shape of an article (<see cref="Moderation.Http.Articles.ArticleResponse"/>) built from the grain's record.</summary>
public static class ArticleResponses
{
    /// <param name="article">The article's own settings.</param>
    /// <param name="modelThreshold">The current model's hold threshold, which an article without its own uses.</param>
    public static ArticleResponse From(ArticleView article, double? modelThreshold) => new(
        article.Id,
        article.CommentsOpen,
        article.Premoderation,
        article.HoldThreshold ?? modelThreshold,
        article.CommentCount,
        article.PollIds,
        article.Trust is { } trust ? new ArticleTrustSettings(trust.NewReaderComments, trust.LinkApprovedComments, trust.RecentRejections) : null);
}
