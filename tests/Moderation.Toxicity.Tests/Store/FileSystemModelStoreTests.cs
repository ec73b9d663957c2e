using Moderation.Toxicity.Models;
using Moderation.Toxicity.Scoring;
using Moderation.Toxicity.Store;
using Moderation.Toxicity.Tests.Fixtures;

namespace Moderation.Toxicity.Tests.Store;

[Collection(TrainedModelCollection.Name)]
public sealed class FileSystemModelStoreTests(TrainedModelFixture fixture)
{
    [Fact]
    public void Saves_versions_and_moves_the_current_pointer()
    {
        using var directory = new TempDirectory();
        var store = new FileSystemModelStore(directory.Path);
        Assert.Null(store.CurrentVersion());

        store.SeedIfEmpty(fixture.Model);
        Assert.Equal("fixture-1", store.CurrentVersion());

        var second = fixture.Model.WithManifest(fixture.Model.Manifest with { Version = "fixture-2" });
        store.Save(second);
        Assert.Equal("fixture-1", store.CurrentVersion());
        store.Promote("fixture-2");
        Assert.Equal("fixture-2", store.CurrentVersion());
        Assert.Equal(["fixture-1", "fixture-2"], store.Versions());
        Assert.Equal("fixture-2", store.Load("fixture-2").Version);

        store.SeedIfEmpty(fixture.Model);
        Assert.Equal("fixture-2", store.CurrentVersion());
        Assert.Throws<InvalidOperationException>(() => store.Save(second));
        Assert.Throws<InvalidOperationException>(() => store.Promote("nope"));
        Assert.Throws<ArgumentException>(() => store.Load("../escape"));
    }

    [Fact]
    public async Task A_scorer_in_another_process_switches_by_polling_the_pointer()
    {
        using var directory = new TempDirectory();
        var silo = new FileSystemModelStore(directory.Path);
        silo.SeedIfEmpty(fixture.Model);
        var scorer = new ToxicityScorer(silo.Load("fixture-1"));
        await using var watcher = new ModelStoreWatcher(silo, scorer, TimeSpan.FromMilliseconds(50));

        // A second store object over the same folder stands in for another process: its promotion raises no event here.
        var elsewhere = new FileSystemModelStore(directory.Path);
        elsewhere.Save(fixture.Model.WithManifest(fixture.Model.Manifest with { Version = "fixture-2" }));
        elsewhere.Promote("fixture-2");

        await WaitUntil(() => scorer.ModelVersion == "fixture-2");
        Assert.Equal("fixture-2", scorer.Score("hello").ModelVersion);
    }

    [Fact]
    public async Task A_broken_current_model_is_reported_and_the_scorer_keeps_its_model()
    {
        using var directory = new TempDirectory();
        var store = new FileSystemModelStore(directory.Path);
        store.SeedIfEmpty(fixture.Model);
        var scorer = new ToxicityScorer(fixture.Model);
        await using var watcher = new ModelStoreWatcher(store, scorer, TimeSpan.FromHours(1));
        var failures = new List<ModelLoadException>();
        watcher.SwitchFailed += (_, e) => failures.Add(e);

        store.Save(fixture.Model.WithManifest(fixture.Model.Manifest with { Version = "broken" }));
        File.WriteAllText(Path.Combine(directory.Path, "versions", "broken", "model.zip"), "garbage");
        store.Promote("broken");

        await WaitUntil(() => failures.Count > 0);
        Assert.Equal("fixture-1", scorer.ModelVersion);
        Assert.Contains("broken", failures[0].Message);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(20);
        }
    }
}
