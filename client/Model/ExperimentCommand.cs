using System.CommandLine;
using Moderation.Client.Http;
using Moderation.Toxicity.Data;
using Moderation.Toxicity.Experiments;
using Moderation.Toxicity.Training;
using Spectre.Console;

namespace Moderation.Client.Model;

/// <summary><c>model experiment</c>: compares variants by leave-one-source-out validation (the table in docs/toxicity.md).</summary>
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

        var command = new Command("experiment", "Compare model variants by leave-one-source-out validation");
        command.Options.Add(root);
        command.Options.Add(variants);
        command.Options.Add(report);
        command.Options.Add(seed);
        command.SetAction(host.Action((parse, _) =>
        {
            var folder = parse.GetValue(root)!;
            var paths = CrossSourceFold.StandardSources.Select(s => Path.Combine(folder, s, "toxic_binary.csv")).ToList();
            var load = DataOptions.Load(host.Console, paths, new CsvColumns());
            var chosen = parse.GetValue(variants) is { Length: > 0 } names ? names.Select(ModelVariants.Find).ToList() : [.. ModelVariants.All];
            var result = CrossSourceValidation.Run(load.Rows, chosen, CrossSourceFold.Standard, seed: parse.GetValue(seed),
                log: line => host.Console.MarkupLineInterpolated($"[grey]{DateTime.Now:HH:mm:ss}[/] {line}"));
            var markdown = result.ToMarkdown();
            host.Console.WriteLine(markdown);
            if (parse.GetValue(report) is { } path)
            {
                File.WriteAllText(path, markdown);
            }

            return Task.FromResult(0);
        }));
        return command;
    }
}
