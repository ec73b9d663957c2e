using System.CommandLine;
using Moderation.Client.Http;
using Moderation.Toxicity.Data;
using Moderation.Toxicity.Experiments;
using Moderation.Toxicity.Retraining;
using Moderation.Toxicity.Training;
using Spectre.Console;

namespace Moderation.Client.Model;

/// <summary>
/// <c>model experiment</c>: compares variants by leave-one-source-out validation, or with <c>--site-learning</c> how
/// sites learn from their moderators (both tables in docs/toxicity.md).
/// </summary>
internal static class ExperimentCommand
{
    public static Command Create(ClientHost host)
    {
        var root = new Option<string>("--data-root") { Description = "Folder with one sub-folder per source, each holding toxic_binary.csv", Required = true };
        var variants = new Option<string[]>("--variants")
        {
            Description = $"Variants to compare (default: all of {string.Join(", ", ModelVariants.All.Select(v => v.Name))})",
            AllowMultipleArgumentsPerToken = true,
        };
        var report = new Option<string?>("--report") { Description = "Write the markdown table to this file" };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1 };
        var siteLearning = new Option<bool>("--site-learning")
        {
            Description = "Instead of comparing variants, simulate sites learning from their moderators: each site source's labels on top of a base model trained on the other sources",
        };
        var sites = new Option<string[]>("--sites")
        {
            Description = $"With --site-learning: the sources that play sites (default: {string.Join(", ", SiteLearningExperiment.DefaultSites)})",
            AllowMultipleArgumentsPerToken = true,
        };
        var budgets = new Option<int[]>("--budgets")
        {
            Description = $"With --site-learning: how many moderator decisions each site gives (default: {string.Join(", ", SiteLearningExperiment.DefaultBudgets)})",
            AllowMultipleArgumentsPerToken = true,
        };
        var l2 = new Option<float>("--site-l2") { Description = "With --site-learning: L2 regularisation of the site model", DefaultValueFactory = _ => new SiteLearnerSettings().L2 };
        var reference = new Option<bool>("--with-reference")
        {
            Description = "With --site-learning: also retrain the base model with the site's labels (what a service without base data cannot do), one draw",
        };
        var draws = new Option<int>("--draws") { Description = "With --site-learning: random draws of the decisions per budget", DefaultValueFactory = _ => 3 };

        var command = new Command("experiment", "Compare model variants by leave-one-source-out validation, or how sites learn from their moderators (--site-learning)");
        command.Options.Add(root);
        command.Options.Add(variants);
        command.Options.Add(report);
        command.Options.Add(seed);
        command.Options.Add(siteLearning);
        command.Options.Add(sites);
        command.Options.Add(budgets);
        command.Options.Add(draws);
        command.Options.Add(l2);
        command.Options.Add(reference);
        command.SetAction(host.Action((parse, _) =>
        {
            var folder = parse.GetValue(root)!;
            var paths = CrossSourceFold.StandardSources.Select(s => Path.Combine(folder, s, "toxic_binary.csv")).ToList();
            var load = DataOptions.Load(host.Console, paths, new CsvColumns());
            void Log(string line) => host.Console.MarkupLineInterpolated($"[grey]{DateTime.Now:HH:mm:ss}[/] {line}");
            if (parse.GetValue(siteLearning))
            {
                var learning = SiteLearningExperiment.Run(
                    load.Rows,
                    parse.GetValue(sites) is { Length: > 0 } named ? named : null,
                    parse.GetValue(budgets) is { Length: > 0 } sizes ? sizes : null,
                    draws: parse.GetValue(draws),
                    settings: new SiteLearnerSettings { L2 = parse.GetValue(l2) },
                    seed: parse.GetValue(seed),
                    reference: parse.GetValue(reference),
                    log: Log);
                return Finish(learning.ToMarkdown());
            }

            var chosen = parse.GetValue(variants) is { Length: > 0 } names ? names.Select(ModelVariants.Find).ToList() : [.. ModelVariants.All];
            var result = CrossSourceValidation.Run(load.Rows, chosen, CrossSourceFold.Standard, seed: parse.GetValue(seed), log: Log);
            return Finish(result.ToMarkdown());

            Task<int> Finish(string markdown)
            {
                host.Console.WriteLine(markdown);
                if (parse.GetValue(report) is { } path)
                {
                    File.WriteAllText(path, markdown);
                }

                return Task.FromResult(0);
            }
        }));
        return command;
    }
}
