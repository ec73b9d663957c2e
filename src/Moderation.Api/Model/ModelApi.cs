using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moderation.Api.Auth;
using Moderation.Contracts.Model;
using Moderation.Contracts.Moderators;
using Moderation.Http.Model;

namespace Moderation.Api.Model;

/// <summary>The learning loop: the site's labels, retrain jobs, and the model versions to switch between.</summary>
public static class ModelApi
{
    public static RouteGroupBuilder MapModelLearning(this IEndpointRouteBuilder routes)
    {
        var importLimit = routes.ServiceProvider.GetRequiredService<IOptions<ModelOptions>>().Value.MaxImportBodyBytes;
        var model = routes.MapGroup("/api/model").WithTags("Model");
        model.MapPost("/labels", ImportLabels).RequireAuthorization(Policies.Moderator).WithMetadata(new RequestBodyLimit(importLimit))
            .WithSummary("Import up to 5,000 labelled comments from the site's history; a text already labelled is a duplicate.");
        model.MapGet("/labels", Labels).RequireAuthorization(Policies.ModeratorOrEditor)
            .WithSummary("How many labels there are, by origin and class, and since the current model was trained.");
        model.MapPost("/retrain", Retrain).RequireAuthorization(Policies.ModeratorOrEditor)
            .WithSummary("Start a retrain on the site's labels; one at a time across the cluster (409 names the running job).");
        model.MapGet("/retrain", RetrainJobs).RequireAuthorization(Policies.ModeratorOrEditor)
            .WithSummary("The retrain jobs, newest first, with their reports.");
        model.MapGet("/retrain/{id}", RetrainJob).RequireAuthorization(Policies.ModeratorOrEditor)
            .WithSummary("One retrain job: status, stage, progress, and the report once finished.");
        model.MapGet("/versions", Versions).RequireAuthorization(Policies.ModeratorOrEditor)
            .WithSummary("The model versions, newest first, and which is current.");
        model.MapPost("/versions/{version}/promote", Promote).RequireAuthorization(Policies.ModeratorOrEditor)
            .WithSummary("Make a version current on every silo (a rollback, or a switch forward); audited.");
        return model;
    }

    private static async Task<Results<Ok<ImportLabelsResponse>, ValidationProblem>> ImportLabels(
        ImportLabelsRequest request, ClaimsPrincipal user, LabelStore labels, TimeProvider clock)
    {
        if (LabelValidation.Validate(request) is { } errors)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var items = request.Items!;
        var rejected = new List<ImportLabelError>();
        var valid = new List<ImportedLabel>();
        var importer = ReaderIdentity.From(user).Id;
        var at = clock.GetUtcNow();
        for (var index = 0; index < items.Count; index++)
        {
            if (LabelValidation.Problem(items[index]) is { } problem)
            {
                rejected.Add(new ImportLabelError(index, problem));
            }
            else
            {
                var item = items[index]!;
                valid.Add(new ImportedLabel(item.Text!.Trim(), item.Toxic!.Value, item.Source?.Trim(), importer, at));
            }
        }

        var stored = valid.Count == 0 ? [] : await labels.ImportAsync(valid);
        var accepted = stored.Count(added => added);
        return TypedResults.Ok(new ImportLabelsResponse(accepted, valid.Count - accepted, rejected.Count, rejected));
    }

    private static async Task<Ok<LabelsResponse>> Labels(LabelStore labels, ModelVersions versions)
    {
        var counts = await labels.CountsAsync();
        var current = versions.Current();
        var mark = await labels.MarkOfAsync(current);
        var since = new LabelsSince(counts.Added.Total - mark.Total, counts.Added.Decision - mark.Decision, counts.Added.Import - mark.Import);
        return TypedResults.Ok(new LabelsResponse(
            counts.Total,
            new LabelsByOrigin(counts.DecisionToxic + counts.DecisionClean, counts.ImportToxic + counts.ImportClean),
            new LabelsByClass(counts.DecisionToxic + counts.ImportToxic, counts.DecisionClean + counts.ImportClean),
            since,
            current));
    }

    private static async Task<Results<Accepted<RetrainAccepted>, ProblemHttpResult>> Retrain(
        ClaimsPrincipal user, HttpContext http, LabelStore labels, IGrainFactory grains, TimeProvider clock)
    {
        var counts = await labels.CountsAsync();
        var start = await Jobs(grains).Start(new RetrainRequest(RetrainTrigger.Manual, ReaderIdentity.From(user).Id, clock.GetUtcNow(), counts.Added.Total));
        var location = $"/api/model/retrain/{start.Job.Id}";
        if (!start.Started)
        {
            http.Response.Headers.Location = location;
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "A retrain is under way",
                detail: $"Retrain {start.Job.Id} is {start.Job.Status}; one retrain runs at a time. Follow it at {location}.",
                extensions: new Dictionary<string, object?> { ["jobId"] = start.Job.Id });
        }

        return TypedResults.Accepted(location, new RetrainAccepted(start.Job.Id, start.Job.Status));
    }

    private static async Task<Ok<RetrainJobsResponse>> RetrainJobs(IGrainFactory grains) =>
        TypedResults.Ok(new RetrainJobsResponse([.. (await Jobs(grains).List()).Select(ModelResponses.Job)]));

    private static async Task<Results<Ok<RetrainJobResponse>, ProblemHttpResult>> RetrainJob(string id, IGrainFactory grains) =>
        await Jobs(grains).Get(id) is { } job
            ? TypedResults.Ok(ModelResponses.Job(job))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown retrain job", detail: $"There is no retrain job '{id}'.");

    private static Ok<ModelVersionsResponse> Versions(ModelVersions versions)
    {
        var current = versions.Current();
        return TypedResults.Ok(new ModelVersionsResponse(current, [.. versions.All().Select(manifest => ModelResponses.Version(manifest, current))]));
    }

    private static async Task<Results<Ok<ModelVersionResponse>, ProblemHttpResult>> Promote(
        string version, ClaimsPrincipal user, ModelVersions versions, IGrainFactory grains, TimeProvider clock)
    {
        var before = versions.Current();
        if (!versions.Promote(version) || versions.Find(version) is not { } manifest)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown model version", detail: $"There is no model version '{version}'.");
        }

        await Jobs(grains).AuditPromotion(new AuditEntry(
            clock.GetUtcNow(), ReaderIdentity.From(user).Id, null, null, "promote-model", null, $"{before} -> {version}", before, version, null));
        return TypedResults.Ok(ModelResponses.Version(manifest, version));
    }

    private static IRetrainJobsGrain Jobs(IGrainFactory grains) => grains.GetGrain<IRetrainJobsGrain>(0);
}
