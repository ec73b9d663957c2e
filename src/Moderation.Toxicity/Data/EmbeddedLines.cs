using System.Reflection;

namespace Moderation.Toxicity.Data;

/// <summary>Text files embedded in this assembly (the functional suite, the written training sentences), read as lines.</summary>
internal static class EmbeddedLines
{
    /// <summary>The lines of the resource whose name ends with <paramref name="suffix"/>; blank lines and '#' comments are skipped.</summary>
    public static List<string> Read(string suffix)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith(suffix, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"{suffix} is not embedded in {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                lines.Add(line);
            }
        }

        return lines;
    }
}
