using Moderation.Client.Http;
using Moderation.Http.Model;
using Moderation.Http.Articles;
using Moderation.Http.Comments;
using Moderation.Http.Moderators;
using Moderation.Toxicity.Data;
using Moderation.Toxicity.Evaluation;
using Spectre.Console;

namespace Moderation.Client.Model.Simulation;

/// <summary>
/// Replays a labelled CSV against a running service as a site would produce it: each comment posted by a reader on a
/// premoderated article, then approved or rejected by a moderator as labelled; after each step a retrain through the
/// API, then the site's remaining comments scored through the API. The rows are shuffled once (seeded): the first ones
/// are the moderators' decisions, the rest are never posted and only scored.
/// </summary>
internal sealed class SiteSimulation(ModerationApi service, string moderatorToken, SimulationIdentities identities, SimulationSettings settings, IAnsiConsole console)
{
    private const int MaxBodyLength = 5000;
    private readonly ModerationApi _moderator = service.WithToken(moderatorToken);
    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];
    private int _limitedWarned;

    public async Task<IReadOnlyList<LearningCurvePoint>> RunAsync(CancellationToken cancellationToken)
    {
        var usable = settings.Rows.Where(row => !string.IsNullOrWhiteSpace(row.Text) && row.Text.Trim().Length <= MaxBodyLength).ToList();
        var shuffled = usable.ToArray();
        new Random(settings.Seed).Shuffle(shuffled);
        var labelled = settings.Steps[^1];
        if (shuffled.Length <= labelled)
        {
            throw new UsageException($"The data has {shuffled.Length:N0} usable rows: too few to label {labelled:N0} and score the rest.");
        }

        var remaining = shuffled[labelled..].Take(settings.EvaluationLimit).ToList();
        console.MarkupLineInterpolated(
            $"Site of {usable.Count:N0} comments ({settings.Rows.Count - usable.Count:N0} empty or too long left out): up to {labelled:N0} decided on article {settings.ArticleId}, {remaining.Count:N0} of the rest scored after each step");
        await _moderator.UpdateArticleSettingsAsync(settings.ArticleId, new ArticleSettingsRequest(CommentsOpen: true, Premoderation: true, HoldThreshold: null), cancellationToken);

        var points = new List<LearningCurvePoint> { await MeasureAsync(0, null, remaining, cancellationToken) };
        var done = 0;
        foreach (var step in settings.Steps)
        {
            await DecideAsync(shuffled, done, step, cancellationToken);
            done = step;
            var job = await RetrainAsync(cancellationToken);
            points.Add(await MeasureAsync(step, job, remaining, cancellationToken));
        }

        return points;
    }

    private async Task DecideAsync(LabelledText[] rows, int from, int to, CancellationToken cancellationToken)
    {
        console.MarkupLineInterpolated($"Posting and deciding comments {from + 1:N0} to {to:N0}");
        var options = new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancellationToken };
        await Parallel.ForAsync(from, to, options, async (index, token) =>
        {
            var row = rows[index];
            var reader = service.WithToken(await identities.ReaderAsync(index, token));
            var posted = await RetryWhenLimitedAsync(
                () => reader.PostCommentAsync(settings.ArticleId, new PostCommentRequest(row.Text.Trim(), null), $"simulate-{_runId}-{index}", token), token);
            var decision = row.Toxic
                ? new DecisionRequest("reject", "abusive", "simulated decision", posted.Revision)
                : new DecisionRequest("approve", null, "simulated decision", posted.Revision);
            await _moderator.DecideAsync(posted.Id, decision, token);
        });
    }

    private async Task<RetrainJobResponse> RetrainAsync(CancellationToken cancellationToken)
    {
        var (job, alreadyRunning) = await _moderator.StartRetrainAsync(cancellationToken);
        if (alreadyRunning)
        {
            console.MarkupLineInterpolated($"Waiting for retrain {job.Id}, which was already {job.Status}");
            await _moderator.WaitForRetrainAsync(job.Id, null, TimeSpan.FromSeconds(1), cancellationToken);
            (job, _) = await _moderator.StartRetrainAsync(cancellationToken);
        }

        console.MarkupLineInterpolated($"Retrain [bold]{job.Id}[/]");
        var finished = await _moderator.WaitForRetrainAsync(job.Id, change => RetrainOutput.Progress(console, change), TimeSpan.FromSeconds(1), cancellationToken);
        RetrainOutput.Report(console, finished);
        if (finished.Report is { Promoted: true, Candidate.Version: { } version })
        {
            await WaitForSwitchAsync(version, cancellationToken);
        }

        return finished;
    }

    private async Task WaitForSwitchAsync(string version, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + settings.SwitchTimeout;
        while ((await _moderator.GetModelAsync(cancellationToken)).Version != version)
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new ProblemException(System.Net.HttpStatusCode.GatewayTimeout, "No switch",
                    $"The service still scores with another model {settings.SwitchTimeout.TotalSeconds:0} s after {version} was promoted.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }

    private async Task<LearningCurvePoint> MeasureAsync(int labels, RetrainJobResponse? job, IReadOnlyList<LabelledText> rows, CancellationToken cancellationToken)
    {
        var model = await _moderator.GetModelAsync(cancellationToken);
        var scores = new double[rows.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = settings.Concurrency, CancellationToken = cancellationToken };
        await Parallel.ForAsync(0, rows.Count, options, async (index, token) =>
            scores[index] = (await _moderator.ScoreAsync(rows[index].Text.Trim(), token)).Score);

        var toxic = rows.Select(row => row.Toxic).ToList();
        var atThreshold = BinaryMetrics.AtThreshold(scores, toxic, model.HoldThreshold);
        var point = new LearningCurvePoint(
            labels, job?.Id, job?.Report?.Promoted ?? false, job?.Report?.Reason ?? job?.Error, job?.Report?.Candidate?.RocAuc,
            model.Version, BinaryMetrics.RocAuc(scores, toxic), model.HoldThreshold, atThreshold.Recall, atThreshold.CleanHeldRate, atThreshold.Precision);
        console.MarkupLineInterpolated(
            $"[bold]{labels:N0}[/] labels: model {model.Version}, ROC-AUC {RetrainOutput.F(point.RocAuc)} on {rows.Count:N0} other comments of the site");
        return point;
    }

    private async Task<T> RetryWhenLimitedAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await call();
            }
            catch (ProblemException limited) when (limited.Status == System.Net.HttpStatusCode.TooManyRequests)
            {
                if (Interlocked.Exchange(ref _limitedWarned, 1) == 0)
                {
                    console.MarkupLine("[yellow]The service limits comment posts; waiting as it asks (a service started with --RateLimits:Enabled=false replays at full speed).[/]");
                }

                await Task.Delay(limited.RetryAfter ?? TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }
}
