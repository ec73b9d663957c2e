using System.Globalization;

namespace Moderation.Toxicity.Evaluation;

/// <summary>Writes every evaluated row's score to a CSV (<c>source,toxic,score,held,text</c>).</summary>
public static class ScoresCsvWriter
{
    public static void Write(string path, EvaluationReport report)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        using var writer = new StreamWriter(path);
        writer.WriteLine("source,toxic,score,held,text");
        foreach (var row in report.Rows)
        {
            writer.Write(Quote(row.Source));
            writer.Write(row.Toxic ? ",1," : ",0,");
            writer.Write(row.Score.ToString("0.######", CultureInfo.InvariantCulture));
            writer.Write(row.Score >= report.AtThreshold.Threshold ? ",1," : ",0,");
            writer.WriteLine(Quote(row.Text));
        }
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
}
