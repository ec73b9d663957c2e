using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Moderation.Api.Auth;
using Moderation.Api.Capacity;
using Moderation.Api.Moderators;
using Moderation.Contracts.Moderators;
using Moderation.Contracts.Readers;
using Moderation.Http.Readers;
using Moderation.Redis.Capacity;
using Moderation.Redis.Moderators;
using Moderation.Redis.Readers;

namespace Moderation.Api.Readers;

/// <summary>A reader's rights over their data: an export of everything stored about them, and erasure.</summary>
public static class ReaderRightsApi
{
    /// <summary>
    /// How long a request waits for its erasure to finish. The job is durable before any of it runs and goes on after
    /// the request answers 202; a small reader's erasure finishes well within this.
    /// </summary>
    private static readonly TimeSpan FinishWait = TimeSpan.FromSeconds(20);

    public static void MapReaderRights(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/readers/me/export", ExportAsync).WithTags("Readers").RequireAuthorization(Policies.Reader)
            .WithSummary("Everything stored about you, as JSON: standing, comments with their decisions, votes, reactions, reports, counts.");
        routes.MapDelete("/api/readers/me", EraseSelfAsync).WithTags("Readers").RequireAuthorization(Policies.Reader).FreesSpace()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Erases you: your comments' texts, votes, reactions, reports and standing. 204 when done; 202 while it runs (ask again).");
        routes.MapDelete("/api/moderation/readers/{readerId}", EraseReaderAsync).WithTags("Moderation").RequireAuthorization(Policies.Moderator).FreesSpace()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("Erases a reader, as DELETE /api/readers/me does, audited as the moderator's.");
    }

    private static async Task<Ok<ReaderExport>> ExportAsync(
        ClaimsPrincipal user, IGrainFactory grains, ReaderRecords records, TimeProvider clock, CancellationToken cancellationToken)
    {
        var readerId = ReaderIdentity.From(user).Id;
        var standing = await grains.GetGrain<IReaderGrain>(readerId).Get();
        var stored = await records.ReadAsync(readerId, cancellationToken);
        return TypedResults.Ok(ReaderExports.From(readerId, clock.GetUtcNow(), standing, stored));
    }

    private static Task<Results<NoContent, Accepted<ErasureAccepted>, ProblemHttpResult>> EraseSelfAsync(
        ClaimsPrincipal user, HttpResponse response, IGrainFactory grains, ErasureJobs jobs, AuditStore audit, StoreCapacity capacity, TimeProvider clock) =>
        EraseAsync(ReaderIdentity.From(user).Id, requestedBy: null, response, grains, jobs, audit, capacity, clock);

    private static async Task<Results<NoContent, Accepted<ErasureAccepted>, ProblemHttpResult, ValidationProblem>> EraseReaderAsync(
        string readerId, ClaimsPrincipal user, HttpResponse response, IGrainFactory grains, ErasureJobs jobs, AuditStore audit, StoreCapacity capacity,
        TimeProvider clock)
    {
        if (!DecisionValidation.IsReaderId(readerId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["readerId"] = ["A reader id is 1 to 128 characters without control characters."],
            });
        }

        return (await EraseAsync(readerId, ReaderIdentity.From(user).Id, response, grains, jobs, audit, capacity, clock)).Result switch
        {
            NoContent done => done,
            Accepted<ErasureAccepted> running => running,
            ProblemHttpResult full => full,
            var other => throw new InvalidOperationException($"Unexpected erasure result {other}."),
        };
    }

    private static async Task<Results<NoContent, Accepted<ErasureAccepted>, ProblemHttpResult>> EraseAsync(
        string readerId, string? requestedBy, HttpResponse response, IGrainFactory grains, ErasureJobs jobs, AuditStore audit,
        StoreCapacity capacity, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var (job, created) = await jobs.RecordAsync(readerId, requestedBy, now);
        if (created)
        {
            // The record names the pseudonym the erasure gives the reader, never the reader.
            await audit.AppendAsync(new AuditEntry(
                now, requestedBy, null, job.Pseudonym, "erase", requestedBy is null ? "reader" : "moderator", null, null, null, null));
        }

        try
        {
            var run = await grains.GetGrain<IReaderErasureGrain>(job.Id).Run().WaitAsync(FinishWait);
            if (run.Status != ErasureJob.Done)
            {
                // The store filled up even for an erasure: the job is recorded and resumes at the next start or request.
                response.Headers.RetryAfter = "60";
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    title: "The store is full",
                    type: StoreFullGate.ProblemType,
                    detail: "The embedded store is too full even for an erasure, which stopped part way; it is recorded and resumes when the "
                        + "service restarts or when it is asked for again. The operator can raise Storage:EmbeddedMemoryBytes and restart.");
            }

            return TypedResults.NoContent();
        }
        catch (TimeoutException)
        {
            return TypedResults.Accepted((string?)null, new ErasureAccepted(job.Id, ErasureJob.Running));
        }
    }
}
