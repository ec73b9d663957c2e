using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moderation.Api.Auth;
using Moderation.Contracts.Articles;
using Moderation.Http.Exports;
using Moderation.Redis.Exports;

namespace Moderation.Api.Exports;

public static class ExportApi
{
    public const string ContentType = "application/x-ndjson";

    /// <summary>Lines written between flushes: the client sees progress, and the server holds little.</summary>
    private const int FlushEvery = 200;

    public static IServiceCollection AddExport(this IServiceCollection services)
    {
        services.TryAddSingleton<ExportReader>();
        services.AddSingleton<SiteExport>();
        return services;
    }

    public static RouteHandlerBuilder MapExport(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/export", Export).RequireAuthorization(Policies.ModeratorOrEditor).WithTags("Export")
            .Produces(StatusCodes.Status200OK, contentType: ContentType)
            .ProducesValidationProblem()
            .WithSummary("The whole site, or one article, as JSON lines: articles, comments with statuses and parents, polls with results, the moderation audit.");

    private static async Task<IResult> Export(string? articleId, HttpContext context, SiteExport export)
    {
        if (articleId is not null && !ArticleIds.IsValid(articleId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["articleId"] = ["The articleId is 1 to 128 of A-Za-z0-9._-."],
            });
        }

        var response = context.Response;
        response.ContentType = ContentType;
        response.Headers.ContentDisposition = $"attachment; filename=\"{articleId ?? "site"}.export.jsonl\"";
        var lines = 0;
        await foreach (var line in export.LinesAsync(articleId, context.RequestAborted))
        {
            await JsonSerializer.SerializeAsync(response.Body, line, line.GetType(), ExportJson.Options, context.RequestAborted);
            await response.Body.WriteAsync("\n"u8.ToArray(), context.RequestAborted);
            if (++lines % FlushEvery == 0)
            {
                await response.Body.FlushAsync(context.RequestAborted);
            }
        }

        return TypedResults.Empty;
    }
}
