using System.Net;
using System.Text.Json;
using Moderation.Http.Model;

namespace Moderation.Client.Http;

/// <summary>The model's learning loop: labels, retrain jobs and versions.</summary>
public sealed partial class ModerationApi
{
    /// <summary>The most labels one import request may carry.</summary>
    public const int MaxLabelsPerImport = 5000;

    public Task<ImportLabelsResponse> ImportLabelsAsync(IReadOnlyList<ImportLabelItem> items, CancellationToken cancellationToken = default) =>
        SendAsync<ImportLabelsResponse>(HttpMethod.Post, "api/model/labels", new ImportLabelsRequest([.. items]), cancellationToken);

    public Task<LabelsResponse> GetLabelCountsAsync(CancellationToken cancellationToken = default) =>
        SendAsync<LabelsResponse>(HttpMethod.Get, "api/model/labels", null, cancellationToken);

    /// <summary>Starts a retrain; when one is already queued or running, the service's 409 names it and that job is returned.</summary>
    public async Task<RetrainStart> StartRetrainAsync(CancellationToken cancellationToken = default)
    {
        using var request = Request(HttpMethod.Post, "api/model/retrain", null);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Conflict && IsJson(response))
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (RunningJobId(body) is { } running)
            {
                return new RetrainStart(await GetRetrainAsync(running, cancellationToken), AlreadyRunning: true);
            }

            throw new ProblemException(response.StatusCode, "Conflict", body);
        }

        await EnsureSuccessAsync(response, cancellationToken);
        return new RetrainStart(await ReadAsync<RetrainJobResponse>(response, cancellationToken), AlreadyRunning: false);
    }

    public Task<RetrainJobResponse> GetRetrainAsync(string jobId, CancellationToken cancellationToken = default) =>
        SendAsync<RetrainJobResponse>(HttpMethod.Get, $"api/model/retrain/{Escape(jobId)}", null, cancellationToken);

    public Task<RetrainJobsResponse> ListRetrainsAsync(CancellationToken cancellationToken = default) =>
        SendAsync<RetrainJobsResponse>(HttpMethod.Get, "api/model/retrain", null, cancellationToken);

    /// <summary>Polls a job until it has finished, reporting each change of stage or progress.</summary>
    public async Task<RetrainJobResponse> WaitForRetrainAsync(
        string jobId, Action<RetrainJobResponse>? onChange, TimeSpan pollInterval, CancellationToken cancellationToken = default)
    {
        RetrainJobResponse? last = null;
        while (true)
        {
            var job = await GetRetrainAsync(jobId, cancellationToken);
            if (last is null || job.Stage != last.Stage || job.Status != last.Status || Math.Abs(job.Progress - last.Progress) >= 0.01)
            {
                onChange?.Invoke(job);
            }

            if (job.Finished)
            {
                return job;
            }

            last = job;
            await Task.Delay(pollInterval, cancellationToken);
        }
    }

    public Task<ModelVersionsResponse> GetModelVersionsAsync(CancellationToken cancellationToken = default) =>
        SendAsync<ModelVersionsResponse>(HttpMethod.Get, "api/model/versions", null, cancellationToken);

    public Task<ModelVersionResponse> PromoteModelAsync(string version, CancellationToken cancellationToken = default) =>
        SendAsync<ModelVersionResponse>(HttpMethod.Post, $"api/model/versions/{Escape(version)}/promote", null, cancellationToken);

    private static string? RunningJobId(string problemJson)
    {
        try
        {
            using var document = JsonDocument.Parse(problemJson);
            return document.RootElement.TryGetProperty("jobId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>A retrain as asked for: the job, and whether it was already running (the service's 409) rather than started now.</summary>
public sealed record RetrainStart(RetrainJobResponse Job, bool AlreadyRunning);
