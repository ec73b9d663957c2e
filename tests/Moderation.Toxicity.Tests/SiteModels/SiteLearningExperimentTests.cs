using Moderation.Toxicity.Data;
using Moderation.Toxicity.Experiments;
using Moderation.Toxicity.SiteModels;
using Moderation.Toxicity.Tests.Fixtures;

namespace Moderation.Toxicity.Tests.SiteModels;

public sealed class SiteLearningExperimentTests
{
    [Fact]
    public void The_experiment_measures_every_strategy_on_the_rest_of_the_site_and_the_site_layer_beats_the_base()
    {
        var baseRows = FixtureData.Comments(300);
        var siteRows = SiteLabels.Decisions(1_000).Select(l => new LabelledText(l.Text, l.Toxic, "site")).ToList();

        var report = SiteLearningExperiment.Run([.. baseRows, .. siteRows], sites: ["site"], budgets: [200, 400],
            combinations: [SiteCombination.ResidualFit, SiteCombination.Blend(0.5)], draws: 2);

        Assert.Equal(2 * 2 * 4, report.Results.Count);
        foreach (var budget in new[] { 200, 400 })
        {
            var rows = report.Results.Where(r => r.Budget == budget).ToList();
            Assert.Equal([SiteLearningExperiment.BaseAlone, SiteLearningExperiment.ThresholdOnly, "residual", "blend-0.5"], rows.Select(r => r.Strategy).Distinct());
            var baseAuc = rows.Where(r => r.Strategy == SiteLearningExperiment.BaseAlone).Average(r => r.RocAuc);
            var residual = rows.Where(r => r.Strategy == "residual").ToList();
            Assert.True(residual.Average(r => r.RocAuc) > baseAuc + 0.1, $"base {baseAuc}, residual {residual.Average(r => r.RocAuc)}");
            Assert.All(residual, r => Assert.True(r.Promoted));
        }

        var markdown = report.ToMarkdown();
        Assert.Contains("**200 labels** (mean of 2 draws", markdown);
        Assert.Contains("| residual | ", markdown);
    }

    [Fact]
    public void A_budget_that_leaves_too_few_rows_to_measure_on_is_skipped()
    {
        var rows = FixtureData.Comments(300).Concat(SiteLabels.Decisions(500).Select(l => new LabelledText(l.Text, l.Toxic, "site"))).ToList();

        var report = SiteLearningExperiment.Run(rows, sites: ["site"], budgets: [200], combinations: [SiteCombination.ResidualFit], draws: 1);

        Assert.Empty(report.Results);
    }
}
