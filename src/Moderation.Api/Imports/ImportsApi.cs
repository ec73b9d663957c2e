using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moderation.Api.Auth;
using Moderation.Api.Model;
using Moderation.Contracts.Moderators;
using Moderation.Http.Imports;
using Moderation.Redis.Imports;

namespace Moderation.Api.Imports;

public static class ImportsApi
{
    /// <summary>A full batch of long comments as JSON; the client keeps its batches under a quarter of it.</summary>
    public const long BatchBodyLimit = 16 * 1024 * 1024;

    public static IServiceCollection AddImports(this IServiceCollection services)
    {
        services.TryAddSingleton<ImportStore>();
        services.AddSingleton<ImportIdentities>();
        services.AddSingleton<ImportGate>();
        services.AddSingleton<ImportBatch>();
        services.TryAddSingleton<AuditRestore>();
        return services;
    }

    public static RouteGroupBuilder MapImports(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/imports").WithTags("Imports");
        group.MapPost("/batches", StoreBatch).ProducesProblem(StatusCodes.Status403Forbidden).RequireAuthorization(Policies.ModeratorOrEditor).WithMetadata(new RequestBodyLimit(BatchBodyLimit))
            .WithSummary("Store a batch of comments from another system (Disqus, WordPress) or from this service's export; storing one again changes nothing.");
        group.MapPost("/audit", RestoreAudit).RequireAuthorization(Policies.Moderator).WithMetadata(new RequestBodyLimit(BatchBodyLimit))
            .WithSummary("Restore audit records from this service's export, as they were; restoring one again changes nothing.");
        group.MapPost("/polls", PollImport.RestorePoll).RequireAuthorization(Policies.ModeratorOrEditor)
            .WithSummary("Create a poll from this service's export as it was (id, definition, closed state); an existing poll is left as it is.");
        group.MapPost("/polls/{pollId}/ballots", PollImport.RestoreBallots).ProducesProblem(StatusCodes.Status404NotFound).RequireAuthorization(Policies.ModeratorOrEditor).WithMetadata(new RequestBodyLimit(BatchBodyLimit))
            .WithSummary("Restore a poll's ballots from this service's export through its vote shards; a reader who has a vote keeps it.");
        return group;
    }

    private static async Task<Results<Ok<ImportAuditResponse>, ValidationProblem>> RestoreAudit(ImportAuditRequest request, AuditRestore restore)
    {
        var errors = AuditImportValidation.Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var restored = await restore.RestoreAsync([.. request.Records!.Select(record => new AuditEntry(
            record!.At!.Value, record.ModeratorId, record.CommentId, record.ReaderId, record.Action!, record.Reason, record.Note,
            record.FromStatus, record.ToStatus, record.Score))]);
        var stored = restored.Count(now => now);
        return TypedResults.Ok(new ImportAuditResponse(stored, restored.Length - stored));
    }

    private static async Task<Results<Ok<ImportBatchResponse>, ValidationProblem, ProblemHttpResult>> StoreBatch(
        ImportBatchRequest request, ClaimsPrincipal user, ImportBatch batch)
    {
        var errors = ImportValidation.Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var importer = ReaderIdentity.From(user);
        if (request.AsLabels && !importer.IsModerator)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Only moderators label",
                detail: "Importing comments as labels for the filter is for moderators; import without asLabels, or as a moderator.");
        }

        return TypedResults.Ok(await batch.StoreAsync(request, importer.Id));
    }
}
