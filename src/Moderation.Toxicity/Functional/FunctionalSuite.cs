using Moderation.Toxicity.Data;

namespace Moderation.Toxicity.Functional;

/// <summary>
/// The project's own functional test suite: short templated sentences organised by function (derogation,
/// threats, negation, counter-speech, ...), written for this project and filled in with every group of
/// <c>groups.tsv</c>. The templates live in <c>templates.tsv</c>, embedded in the assembly.
/// </summary>
public static class FunctionalSuite
{
    private const string GroupPlaceholder = "{groups}";
    private const string CapitalGroupPlaceholder = "{Groups}";

    private static readonly Lazy<IReadOnlyList<FunctionalCase>> All = new(() => Expand(ReadLines("templates.tsv"), ReadLines("groups.tsv")));

    /// <summary>Every case of both halves, in template order.</summary>
    public static IReadOnlyList<FunctionalCase> Cases => All.Value;

    /// <summary>The functions in the order the templates first name them.</summary>
    public static IReadOnlyList<string> Functions => Cases.Select(c => c.Function).Distinct().ToList();

    /// <summary>Expands template lines (function, abusive|clean, dev|held-out, template) with the groups.</summary>
    public static IReadOnlyList<FunctionalCase> Expand(IEnumerable<string> templateLines, IEnumerable<string> groupLines)
    {
        var groups = groupLines.ToList();
        var cases = new List<FunctionalCase>();
        var number = 0;
        foreach (var line in templateLines)
        {
            number++;
            var fields = line.Split('\t');
            if (fields.Length != 4)
            {
                throw new FormatException($"Template line {number} has {fields.Length} fields, not 4: '{line}'.");
            }

            var (function, label, half, template) = (fields[0], fields[1], fields[2], fields[3]);
            var abusive = label switch
            {
                "abusive" => true,
                "clean" => false,
                _ => throw new FormatException($"Template line {number}: label '{label}' is neither 'abusive' nor 'clean'."),
            };
            var which = half switch
            {
                "dev" => FunctionalHalf.Dev,
                "held-out" => FunctionalHalf.HeldOut,
                _ => throw new FormatException($"Template line {number}: half '{half}' is neither 'dev' nor 'held-out'."),
            };

            if (!template.Contains(GroupPlaceholder, StringComparison.Ordinal) && !template.Contains(CapitalGroupPlaceholder, StringComparison.Ordinal))
            {
                cases.Add(new FunctionalCase(function, template, abusive, which, template, null));
                continue;
            }

            foreach (var group in groups)
            {
                var text = template.Replace(GroupPlaceholder, group, StringComparison.Ordinal)
                    .Replace(CapitalGroupPlaceholder, char.ToUpperInvariant(group[0]) + group[1..], StringComparison.Ordinal);
                cases.Add(new FunctionalCase(function, text, abusive, which, template, group));
            }
        }

        return cases;
    }

    private static List<string> ReadLines(string name) => EmbeddedLines.Read("Functional." + name);
}
