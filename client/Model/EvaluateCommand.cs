using System.CommandLine;
using Moderation.Client.Http;
using Moderation.Toxicity.Evaluation;
using Moderation.Toxicity.Functional;
using Moderation.Toxicity.Models;
using Moderation.Toxicity.Scoring;
using Spectre.Console;

namespace Moderation.Client.Model;

/// <summary><c>model evaluate</c>: scores labelled CSV rows with a model and prints ROC-AUC and precision/recall/F1 at the threshold.</summary>
internal static class EvaluateCommand
{
    public static Command Create(ClientHost host)
    {
        var data = new DataOptions();
        var modelPath = new Option<string?>("--model") { Description = "Model folder (default: the shipped model)" };
        var threshold = new Option<double?>("--threshold") { Description = "Hold threshold (default: the model's)" };
        var scoresCsv = new Option<string?>("--scores-csv") { Description = "Write every row's score to this CSV" };
        var functional = new Option<bool>("--functional") { Description = "Also run the project's functional suite (accuracy per function, dev and held-out halves)" };
        var misses = new Option<bool>("--show-dev-misses") { Description = "With --functional: list the dev half's cases the model gets wrong, with the terms that moved each score" };
        var markdown = new Option<string?>("--functional-report") { Description = "With --functional: write the per-function table as markdown to this file" };
        data.Data.Required = false;

        var command = new Command("evaluate", "Evaluate a toxicity model on labelled CSV files");
        data.AddTo(command);
        command.Options.Add(modelPath);
        command.Options.Add(threshold);
        command.Options.Add(scoresCsv);
        command.Options.Add(functional);
        command.Options.Add(misses);
        command.Options.Add(markdown);
        command.Validators.Add(result =>
        {
            if (result.GetValue(data.Data) is not { Length: > 0 } && !result.GetValue(functional))
            {
                result.AddError("Give --data files to evaluate on, --functional, or both.");
            }
        });
        command.SetAction(host.Action((parse, _) =>
        {
            var path = parse.GetValue(modelPath);
            var model = path is null ? DefaultModel.Load() : LoadedModel.Load(path);
            if (parse.GetValue(functional))
            {
                var functionalReport = FunctionalEvaluator.Evaluate(model, parse.GetValue(threshold));
                host.Console.MarkupLineInterpolated($"Model [bold]{model.Version}[/] ({model.Manifest.Variant.Name}) on the functional suite: {functionalReport.Cases.Count:N0} cases");
                FunctionalOutput.Write(host.Console, functionalReport, parse.GetValue(misses) ? new ToxicityScorer(model) : null);
                if (parse.GetValue(markdown) is { } file)
                {
                    File.WriteAllText(file, functionalReport.ToMarkdown());
                }
            }

            if (parse.GetValue(data.Data) is not { Length: > 0 } files)
            {
                return Task.FromResult(0);
            }

            var load = DataOptions.Load(host.Console, DataOptions.Expand(files), data.Columns(parse));
            var report = ToxicityEvaluator.Evaluate(model, load.Rows, parse.GetValue(threshold));

            host.Console.MarkupLineInterpolated($"Model [bold]{model.Version}[/] ({model.Manifest.Variant.Name}) on {report.Count:N0} rows ({report.Toxic:N0} toxic)");
            var table = new Table().AddColumns("source", "rows", "toxic", "ROC-AUC", "precision", "recall", "F1", "clean held");
            foreach (var (source, figures) in report.BySource().OrderBy(s => s.Key))
            {
                table.AddRow(Row(source, report.Rows.Count(r => r.Source == source), report.Rows.Count(r => r.Source == source && r.Toxic), figures.RocAuc, figures.AtThreshold));
            }

            table.AddRow(Row("[bold]all[/]", report.Count, report.Toxic, report.RocAuc, report.AtThreshold));
            host.Console.Write(table);
            host.Console.WriteLine(FormattableString.Invariant(
                $"ROC-AUC {report.RocAuc:0.000}; at threshold {report.AtThreshold.Threshold:0.000}: precision {report.AtThreshold.Precision:0.000}, recall {report.AtThreshold.Recall:0.000}, F1 {report.AtThreshold.F1:0.000}, clean held {report.AtThreshold.CleanHeldRate:P1}"));

            if (parse.GetValue(scoresCsv) is { } csv)
            {
                ScoresCsvWriter.Write(csv, report);
                host.Console.MarkupLineInterpolated($"Scores written to {csv}");
            }

            return Task.FromResult(0);
        }));
        return command;
    }

    private static string[] Row(string name, int rows, int toxic, double auc, ThresholdMetrics m) =>
        [name, rows.ToString("N0"), toxic.ToString("N0"), F(auc), F(m.Precision), F(m.Recall), F(m.F1), double.IsNaN(m.CleanHeldRate) ? "n/a" : m.CleanHeldRate.ToString("P1")];

    private static string F(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.000");
}
