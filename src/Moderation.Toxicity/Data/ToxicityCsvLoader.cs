using System.Text;

namespace Moderation.Toxicity.Data;

/// <summary>
/// Loads labelled comments from CSV files with a header, a text column and a 0/1 label column
/// (<c>id,text,toxic,...</c> from the shared data, or a plain <c>text,label</c>). Rows with an empty
/// label are skipped and counted; rows with a wrong field count or a label that is not 0/1 are reported.
/// </summary>
public static class ToxicityCsvLoader
{
    public static CsvLoadResult Load(IEnumerable<string> paths, CsvColumns? columns = null)
    {
        var rows = new List<LabelledText>();
        var malformed = new List<MalformedRow>();
        var skipped = 0;
        foreach (var path in paths)
        {
            var result = Load(path, columns);
            rows.AddRange(result.Rows);
            malformed.AddRange(result.Malformed);
            skipped += result.SkippedUnlabelled;
        }

        return new CsvLoadResult(rows, skipped, malformed);
    }

    /// <summary>Loads one file; the source name is the file's folder name (or the file name without extension for a file at a root).</summary>
    public static CsvLoadResult Load(string path, CsvColumns? columns = null, string? source = null)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Training data file not found: {path}", path);
        }

        using var reader = new StreamReader(path, Encoding.UTF8);
        return Load(reader, path, columns, source ?? SourceNameOf(path));
    }

    public static CsvLoadResult Load(TextReader reader, string fileName, CsvColumns? columns, string source)
    {
        columns ??= new CsvColumns();
        var rows = new List<LabelledText>();
        var malformed = new List<MalformedRow>();
        var skipped = 0;
        int textIndex = -1, labelIndex = -1, width = 0;
        var header = true;
        foreach (var (line, fields, unterminated) in CsvRowReader.Read(reader))
        {
            if (header)
            {
                header = false;
                width = fields.Count;
                textIndex = FindColumn(fields, columns.TextColumn, CsvColumns.TextCandidates);
                labelIndex = FindColumn(fields, columns.LabelColumn, CsvColumns.LabelCandidates);
                if (textIndex < 0 || labelIndex < 0)
                {
                    throw new InvalidDataException(
                        $"{fileName}: header '{string.Join(',', fields)}' has no " +
                        (textIndex < 0 ? $"text column ({columns.TextColumn ?? string.Join('/', CsvColumns.TextCandidates)})" : $"label column ({columns.LabelColumn ?? string.Join('/', CsvColumns.LabelCandidates)})"));
                }

                continue;
            }

            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }

            if (unterminated)
            {
                malformed.Add(new MalformedRow(fileName, line, "unterminated quoted field"));
                continue;
            }

            if (fields.Count != width)
            {
                malformed.Add(new MalformedRow(fileName, line, $"expected {width} fields, found {fields.Count}"));
                continue;
            }

            var label = fields[labelIndex].Trim();
            if (label.Length == 0)
            {
                skipped++;
                continue;
            }

            bool? toxic = label switch
            {
                "1" or "1.0" or "true" or "True" or "TRUE" => true,
                "0" or "0.0" or "false" or "False" or "FALSE" => false,
                _ => null,
            };
            if (toxic is null)
            {
                malformed.Add(new MalformedRow(fileName, line, $"label '{label}' is not 0/1"));
                continue;
            }

            var text = fields[textIndex];
            if (string.IsNullOrWhiteSpace(text))
            {
                malformed.Add(new MalformedRow(fileName, line, "empty text"));
                continue;
            }

            rows.Add(new LabelledText(text, toxic.Value, source));
        }

        if (header)
        {
            throw new InvalidDataException($"{fileName}: the file is empty (no header row).");
        }

        return new CsvLoadResult(rows, skipped, malformed);
    }

    internal static string SourceNameOf(string path)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetFileName(Path.GetDirectoryName(full));
        var file = Path.GetFileNameWithoutExtension(full);
        return file == "toxic_binary" && !string.IsNullOrEmpty(folder) ? folder : file;
    }

    private static int FindColumn(List<string> header, string? wanted, string[] candidates)
    {
        if (wanted is not null)
        {
            return header.FindIndex(h => string.Equals(h.Trim(), wanted, StringComparison.OrdinalIgnoreCase));
        }

        foreach (var candidate in candidates)
        {
            var index = header.FindIndex(h => string.Equals(h.Trim(), candidate, StringComparison.OrdinalIgnoreCase));
            if (index >= 0)
            {
                return index;
            }
        }

        return -1;
    }
}
