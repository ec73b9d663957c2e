using System.CommandLine;
using Moderation.Toxicity.Data;
using Spectre.Console;

namespace Moderation.Client.Model;

/// <summary>Options shared by commands that read labelled CSV files.</summary>
internal sealed class DataOptions
{
    public Option<string[]> Data { get; } = new("--data")
    {
        Description = "CSV files with a text and a 0/1 label column (a folder's toxic_binary.csv is named after the folder)",
        Required = true,
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<string?> TextColumn { get; } = new("--text-column") { Description = "Name of the text column (default: text, comment_text, comment or tweet)" };

    public Option<string?> LabelColumn { get; } = new("--label-column") { Description = "Name of the 0/1 label column (default: toxic or label)" };

    public void AddTo(Command command)
    {
        command.Options.Add(Data);
        command.Options.Add(TextColumn);
        command.Options.Add(LabelColumn);
    }

    public CsvColumns Columns(ParseResult parse) => new(parse.GetValue(TextColumn), parse.GetValue(LabelColumn));

    public static IReadOnlyList<string> Expand(IEnumerable<string> paths) =>
        paths.SelectMany(p => Directory.Exists(p)
            ? Directory.GetFiles(p, "toxic_binary.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : new[] { p }.AsEnumerable()).ToList();

    public static CsvLoadResult Load(IAnsiConsole console, IReadOnlyList<string> paths, CsvColumns columns)
    {
        var load = ToxicityCsvLoader.Load(paths, columns);
        console.MarkupLine($"Loaded [bold]{load.Rows.Count:N0}[/] labelled rows from {paths.Count} file(s); skipped {load.SkippedUnlabelled:N0} unlabelled, {load.Malformed.Count:N0} malformed.");
        foreach (var bad in load.Malformed.Take(10))
        {
            console.MarkupLineInterpolated($"[yellow]malformed[/] {bad.File}:{bad.Line}: {bad.Reason}");
        }

        return load;
    }
}
