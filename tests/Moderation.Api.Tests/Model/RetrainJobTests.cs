using System.Net;
using System.Text.Json;
using Moderation.Api.Tests.Comments;
using Moderation.Testing;
using static Moderation.Api.Tests.Model.ModelClient;

namespace Moderation.Api.Tests.Model;

/// <summary>Retrain jobs through HTTP, with a learner the tests steer (the learner's own quality is tested with it).</summary>
[Collection(LearningCollection.Name)]
public sealed class RetrainJobTests(LearningSilo silo)
{
    [Fact]
    public async Task A_better_candidate_is_saved_promoted_reported_and_scored_with()
    {
        using var editor = await silo.ClientAsync("editor", "editor");
        using var moderator = await silo.ClientAsync("labeller", "moderator");
        var text = Unique("You are a pathetic liar");
        await moderator.ImportOkAsync(Label(text, true), Label(Unique("Thanks for the update"), false));
        silo.Learner.Outcome = LearnerOutcome.Better;

        var id = await editor.RetrainAsync();
        var job = await editor.FinishedJobAsync(id);
        var report = job.GetProperty("report");
        var candidate = report.GetProperty("candidate").GetProperty("version").GetString()!;
        var versions = await editor.GetJsonAsync("/api/model/versions");
        var labels = await editor.LabelsAsync();

        Assert.Equal("succeeded", job.Status());
        Assert.Equal("manual", job.GetProperty("trigger").GetString());
        Assert.Equal(1.0, job.GetProperty("progress").GetDouble());
        Assert.True(report.GetProperty("promoted").GetBoolean());
        Assert.Equal(0.9, report.GetProperty("candidate").GetProperty("rocAuc").GetDouble(), 6);
        Assert.Equal(0.8, report.GetProperty("current").GetProperty("rocAuc").GetDouble(), 6);
        Assert.Contains(silo.Learner.LastLabels, label => label.Text == text && label.Toxic);
        Assert.Equal(silo.Learner.LastLabels.Count, job.GetProperty("labels").GetInt32());
        Assert.Equal(candidate, versions.GetProperty("current").GetString());
        Assert.Equal(candidate, versions.GetProperty("items")[0].GetProperty("version").GetString());
        Assert.True(versions.GetProperty("items")[0].GetProperty("current").GetBoolean());
        Assert.Equal(0, labels.Count("sinceCurrentModel", "total"));
        Assert.Equal(candidate, labels.GetProperty("currentModel").GetString());
        await editor.WaitForModelAsync(candidate);
    }

    [Fact]
    public async Task A_second_retrain_while_one_runs_is_refused_with_409_naming_the_running_job_and_progress_shows_meanwhile()
    {
        using var moderator = await silo.ClientAsync("impatient", "moderator");
        silo.Learner.Outcome = LearnerOutcome.Worse;
        silo.Learner.Hold();
        try
        {
            var id = await moderator.RetrainAsync();
            await silo.Learner.Waiting.Task.WaitAsync(TimeSpan.FromSeconds(30));
            using var second = await moderator.PostAsync("/api/model/retrain", null);
            var running = await moderator.GetJsonAsync($"/api/model/retrain/{id}");

            var problem = await ProblemAssert.Expect(second, HttpStatusCode.Conflict);
            Assert.Equal(id, problem.GetProperty("jobId").GetString());
            Assert.Equal($"/api/model/retrain/{id}", second.Headers.Location?.OriginalString);
            Assert.Equal("running", running.Status());
            Assert.Equal("test learner waiting", running.GetProperty("stage").GetString());
            Assert.Equal(0.4, running.GetProperty("progress").GetDouble(), 6);
            Assert.Equal(JsonValueKind.Null, running.GetProperty("report").ValueKind);

            silo.Learner.Release();
            Assert.Equal("succeeded", (await moderator.FinishedJobAsync(id)).Status());
            var next = await moderator.RetrainAsync();
            await moderator.FinishedJobAsync(next);
        }
        finally
        {
            silo.Learner.Release();
        }
    }

    [Fact]
    public async Task A_worse_candidate_is_reported_and_not_promoted()
    {
        using var moderator = await silo.ClientAsync("careful", "moderator");
        var before = await moderator.GetJsonAsync("/api/model/versions");
        silo.Learner.Outcome = LearnerOutcome.Worse;

        var job = await moderator.FinishedJobAsync(await moderator.RetrainAsync());
        var after = await moderator.GetJsonAsync("/api/model/versions");

        var report = job.GetProperty("report");
        Assert.Equal("succeeded", job.Status());
        Assert.False(report.GetProperty("promoted").GetBoolean());
        Assert.Contains("below the current", report.GetProperty("reason").GetString());
        Assert.Equal(before.GetProperty("current").GetString(), after.GetProperty("current").GetString());
        Assert.Equal(before.GetProperty("items").GetArrayLength(), after.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData(LearnerOutcome.Throws, "the test learner was told to fail")]
    [InlineData(LearnerOutcome.NoCandidate, "too few labels of each class")]
    public async Task A_learner_that_fails_or_trains_no_candidate_is_reported_as_failed_with_the_reason_and_the_next_retrain_may_start(
        LearnerOutcome outcome, string reason)
    {
        using var moderator = await silo.ClientAsync("unlucky", "moderator");
        silo.Learner.Outcome = outcome;

        var job = await moderator.FinishedJobAsync(await moderator.RetrainAsync());
        silo.Learner.Outcome = LearnerOutcome.Worse;
        var next = await moderator.FinishedJobAsync(await moderator.RetrainAsync());

        Assert.Equal("failed", job.Status());
        Assert.Contains(reason, job.GetProperty("error").GetString());
        Assert.NotNull(job.GetProperty("finishedAt").GetString());
        Assert.Equal("succeeded", next.Status());
    }

    [Fact]
    public async Task The_history_lists_jobs_newest_first()
    {
        using var moderator = await silo.ClientAsync("historian", "moderator");
        silo.Learner.Outcome = LearnerOutcome.Worse;
        var older = await moderator.RetrainAsync();
        await moderator.FinishedJobAsync(older);
        var newer = await moderator.RetrainAsync();
        await moderator.FinishedJobAsync(newer);

        var items = (await moderator.GetJsonAsync("/api/model/retrain")).GetProperty("items").EnumerateArray().Select(job => job.Id()).ToList();

        Assert.True(items.IndexOf(newer) < items.IndexOf(older));
        Assert.Equal(0, items.IndexOf(newer));
    }

    [Fact]
    public async Task Promoting_an_earlier_version_rolls_every_scorer_back_and_is_audited()
    {
        using var moderator = await silo.ClientAsync("roller", "moderator");
        silo.Learner.Outcome = LearnerOutcome.Better;
        var previous = (await moderator.GetJsonAsync("/api/model/versions")).GetProperty("current").GetString()!;
        var job = await moderator.FinishedJobAsync(await moderator.RetrainAsync());
        var promoted = job.GetProperty("report").GetProperty("candidate").GetProperty("version").GetString()!;
        await moderator.WaitForModelAsync(promoted);

        using var rollback = await moderator.PostAsync($"/api/model/versions/{previous}/promote", null);
        var body = await rollback.Content.ReadAsStringAsync();
        await moderator.WaitForModelAsync(previous);
        var versions = await moderator.GetJsonAsync("/api/model/versions");
        var audit = await moderator.GetJsonAsync("/api/moderation/audit?limit=5");

        Assert.Equal(HttpStatusCode.OK, rollback.StatusCode);
        Assert.Equal(previous, JsonDocument.Parse(body).RootElement.GetProperty("version").GetString());
        Assert.Equal(previous, versions.GetProperty("current").GetString());
        Assert.Contains(versions.GetProperty("items").EnumerateArray(), item => item.GetProperty("version").GetString() == promoted);
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), entry =>
            entry.GetProperty("action").GetString() == "promote-model" && entry.GetProperty("toStatus").GetString() == previous);
    }

    [Fact]
    public async Task An_unknown_job_or_version_is_404()
    {
        using var moderator = await silo.ClientAsync("lost", "moderator");

        using var job = await moderator.GetAsync("/api/model/retrain/r-no-such-job");
        using var version = await moderator.PostAsync("/api/model/versions/no-such-version/promote", null);

        await ProblemAssert.Expect(job, HttpStatusCode.NotFound);
        await ProblemAssert.Expect(version, HttpStatusCode.NotFound);
    }
}
