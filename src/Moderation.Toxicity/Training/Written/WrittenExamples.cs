using Moderation.Toxicity.Data;

namespace Moderation.Toxicity.Training.Written;

/// <summary>
/// Labelled sentences written for this project (<c>written.tsv</c>, embedded): attacks on groups and persons
/// against negated, reported, counter-speech and neutral mentions of the same groups, abuse of ideas and
/// profanity that abuses nobody. Each group template is filled with <see cref="GroupsPerTemplate"/> groups of
/// <c>groups.tsv</c>, taken in turn so that every group appears in abusive and clean sentences alike.
/// </summary>
public static class WrittenExamples
{
    /// <summary>The source name the rows carry in training and in manifests.</summary>
    public const string Source = "project_written";

    public const int GroupsPerTemplate = 8;

    private static readonly Lazy<IReadOnlyList<LabelledText>> All = new(() => Expand(ReadLines("written.tsv"), ReadLines("groups.tsv")));

    public static IReadOnlyList<LabelledText> Rows => All.Value;

    internal static IReadOnlyList<LabelledText> Expand(IReadOnlyList<string> templateLines, IReadOnlyList<string> groups)
    {
        var rows = new List<LabelledText>();
        var next = 0;
        foreach (var line in templateLines)
        {
            var fields = line.Split('\t');
            if (fields.Length != 2 || fields[0] is not ("abusive" or "clean"))
            {
                throw new FormatException($"Written training line is not 'abusive|clean<TAB>template': '{line}'.");
            }

            var toxic = fields[0] == "abusive";
            var template = fields[1];
            if (!template.Contains("{g}", StringComparison.Ordinal) && !template.Contains("{G}", StringComparison.Ordinal))
            {
                rows.Add(new LabelledText(template, toxic, Source));
                continue;
            }

            for (var k = 0; k < GroupsPerTemplate; k++, next++)
            {
                var group = groups[next % groups.Count];
                var text = template.Replace("{g}", group, StringComparison.Ordinal)
                    .Replace("{G}", char.ToUpperInvariant(group[0]) + group[1..], StringComparison.Ordinal);
                rows.Add(new LabelledText(text, toxic, Source));
            }
        }

        return rows;
    }

    private static List<string> ReadLines(string name) => EmbeddedLines.Read("Written." + name);
}
