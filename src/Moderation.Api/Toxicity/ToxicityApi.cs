using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Moderation.Api.Auth;
using Moderation.Api.Capacity;
using Moderation.Toxicity.Models;
using Moderation.Toxicity.Scoring;

namespace Moderation.Api.Toxicity;

public static class ToxicityApi
{
    /// <summary>Longest text scored; the comment body limit.</summary>
    public const int MaxTextLength = 5000;

    public static void MapToxicity(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/model", GetModel).WithTags("Model").WithSummary("The toxicity model in use: version, training, metrics, hold threshold.");
        routes.MapPost("/api/model/score", ScoreText).RequireAuthorization(Policies.Moderator).WithTags("Model")
            .WithSummary("Score a text and explain the score.").StoresNothing();
        routes.MapPost("/api/toxicity/check", Check).RequireAuthorization(Policies.Reader).WithTags("Comments")
            .WithSummary("Would this comment be held? Lets a widget warn the author before posting.").StoresNothing();
    }

    private static ModelResponse GetModel(ModelHost host) => ModelResponse.From(host.RequireScorer().Model.Manifest);

    private static Results<Ok<ScoreResponse>, ValidationProblem> ScoreText(ScoreRequest request, ModelHost host)
    {
        if (Invalid(request.Text, "text") is { } problem)
        {
            return problem;
        }

        var result = host.RequireScorer().Score(request.Text!);
        return TypedResults.Ok(new ScoreResponse(result.Score, Explain(result), result.ModelVersion));
    }

    private static Results<Ok<CheckResponse>, ValidationProblem> Check(CheckRequest request, ModelHost host)
    {
        if (Invalid(request.Body, "body") is { } problem)
        {
            return problem;
        }

        var result = host.RequireScorer().Score(request.Body!, explanationTerms: 0);
        return TypedResults.Ok(new CheckResponse(result.Score, result.Hold));
    }

    private static ValidationProblem? Invalid(string? text, string field) =>
        string.IsNullOrWhiteSpace(text) || text.Length > MaxTextLength
            ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [$"{field} is required and at most {MaxTextLength} characters."] })
            : null;

    private static IReadOnlyList<ExplanationResponse> Explain(ToxicityResult result) =>
        [.. result.Explanation.Select(term => new ExplanationResponse(term.Text, term.Weight))];
}

public sealed record ScoreRequest(string? Text);

public sealed record CheckRequest(string? Body);

public sealed record ScoreResponse(double Score, IReadOnlyList<ExplanationResponse> Explanation, string ModelVersion);

public sealed record ExplanationResponse(string Text, double Weight);

public sealed record CheckResponse(double Score, bool WouldHold);

public sealed record ModelResponse(
    string Version, DateTimeOffset TrainedAt, int TrainingRows, IReadOnlyDictionary<string, double> Metrics, double HoldThreshold,
    IReadOnlyList<DataSourceInfo> DataSources)
{
    public static ModelResponse From(ModelManifest manifest) => new(
        manifest.Version, manifest.TrainedAt, manifest.TrainingRows, manifest.Metrics, manifest.HoldThreshold,
        manifest.DataSources);
}
