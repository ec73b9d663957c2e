using System.CommandLine;
using Moderation.Client.Http;
using Moderation.Toxicity.Data;
using Moderation.Toxicity.Experiments;
using Moderation.Toxicity.Training;
using Spectre.Console;

namespace Moderation.Client.Model;

/// <summary><c>model train</c>: trains a model on CSV files and writes it (model.zip + manifest.json) to a folder.</summary>
internal static class TrainCommand
{
    public static Command Create(ClientHost host)
    {
        var data = new DataOptions();
        var output = new Option<string>("--out") { Description = "Folder to write model.zip and manifest.json to", Required = true };
        var variant = new Option<string>("--variant") { Description = $"Model variant: {string.Join(", ", ModelVariants.All.Select(v => v.Name))}", DefaultValueFactory = _ => ModelVariants.Default.Name };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 1 };
        var validation = new Option<double>("--validation-fraction") { Description = "Share of rows held out to measure the model (and to compare retrained models later)", DefaultValueFactory = _ => 0.1 };
        var version = new Option<string?>("--version") { Description = "Version stamp (default: UTC time)" };
        var crossSource = new Option<bool>("--cross-source")
        {
            Description = "Run leave-one-source-out validation first: its threshold becomes the hold threshold and its figures go into the manifest",
        };

        var command = new Command("train", "Train a toxicity model");
        data.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(variant);
        command.Options.Add(seed);
        command.Options.Add(validation);
        command.Options.Add(version);
        command.Options.Add(crossSource);
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var paths = DataOptions.Expand(parse.GetValue(data.Data)!);
            var load = DataOptions.Load(host.Console, paths, data.Columns(parse));
            var options = new TrainingOptions
            {
                DataPaths = paths,
                Columns = data.Columns(parse),
                Variant = ModelVariants.Find(parse.GetValue(variant)!),
                Seed = parse.GetValue(seed),
                ValidationFraction = parse.GetValue(validation),
                Version = parse.GetValue(version),
            };

            if (parse.GetValue(crossSource))
            {
                var report = CrossSourceValidation.Run(load.Rows, [options.Variant], CrossSourceFold.Standard, options.TargetCleanHoldRate, options.Seed,
                    line => host.Console.MarkupLineInterpolated($"[grey]{line}[/]"));
                host.Console.WriteLine(report.ToMarkdown());
                options = options with { HoldThreshold = report.Thresholds[options.Variant.Name], ExtraMetrics = CrossSourceMetrics(report) };
            }

            var result = await TrainWithProgressAsync(host.Console, load.Rows, options, cancellationToken);
            var model = result.Model;
            model.Save(parse.GetValue(output)!);
            host.Console.MarkupLineInterpolated($"Model [bold]{model.Version}[/] ({options.Variant.Name}) trained on {model.Manifest.TrainingRows:N0} rows, hold threshold {model.Manifest.HoldThreshold:0.000}, written to {parse.GetValue(output)}");
            foreach (var (name, value) in model.Manifest.Metrics.Where(m => m.Key.StartsWith("validation.", StringComparison.Ordinal)))
            {
                host.Console.WriteLine($"  {name} = {value:0.000}");
            }

            return 0;
        }));
        return command;
    }

    /// <summary>
    /// Trains on a worker thread while the console shows the stage, a bar and the time spent (fitting is most of it and
    /// reports no steps, so the spinner and clock show it is alive). A console that cannot redraw gets a line per stage.
    /// </summary>
    private static async Task<TrainingResult> TrainWithProgressAsync(
        IAnsiConsole console, IReadOnlyList<LabelledText> rows, TrainingOptions options, CancellationToken cancellationToken)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            var stages = new ImmediateProgress(p => console.WriteLine($"[{p.Fraction,4:P0}] {p.Stage}"));
            return await Task.Run(() => ToxicityTrainer.Train(rows, options, stages, cancellationToken), cancellationToken);
        }

        TrainingResult? result = null;
        await console.Progress()
            .Columns(new SpinnerColumn(), new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Training", maxValue: 1);
                var progress = new ImmediateProgress(p =>
                {
                    task.Description = Markup.Escape(p.Stage);
                    task.Value = p.Fraction;
                });
                result = await Task.Run(() => ToxicityTrainer.Train(rows, options, progress, cancellationToken), cancellationToken);
                task.Value = 1;
            });
        return result!;
    }

    private static Dictionary<string, double> CrossSourceMetrics(CrossSourceReport report)
    {
        var metrics = new Dictionary<string, double>();
        foreach (var fold in report.Results)
        {
            metrics[$"crossSource.{fold.Fold}.rocAuc"] = fold.RocAuc;
            metrics[$"crossSource.{fold.Fold}.recall"] = fold.Recall;
            metrics[$"crossSource.{fold.Fold}.cleanHeld"] = fold.CleanHeld;
        }

        var variant = report.Results[0].Variant;
        metrics["crossSource.mean.rocAuc"] = report.MeanRocAuc(variant);
        metrics["crossSource.mean.recall"] = report.MeanRecall(variant);
        metrics["crossSource.mean.cleanHeld"] = report.MeanCleanHeld(variant);
        return metrics;
    }

    /// <summary>Reports on the training thread itself, in order (<see cref="Progress{T}"/> would post to the thread pool, possibly late).</summary>
    private sealed class ImmediateProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
