using System.Globalization;
using System.Text;
using Moderation.Contracts.Polls;
using Moderation.Http.Polls;

namespace Moderation.Api.Polls;

/// <summary>
/// A poll's export: one row per option (per value of a scale) of the totals, then one per option per minute with votes, in a long format that
/// spreadsheets pivot. No reader ids: the export holds counts only.
/// </summary>
public static class PollCsv
{
    public const string Header = "series,start,option_id,option,votes";

    public static string Write(PollDefinition poll, PollResults totals, IReadOnlyList<TimelineBucketResponse> minutes)
    {
        var csv = new StringBuilder().Append(Header).Append("\r\n");
        var answers = PollAnswers.Of(poll);
        var counted = PollAnswers.Counted(totals);
        foreach (var answer in answers)
        {
            Row(csv, "total", "", answer, counted.FirstOrDefault(votes => votes.Id == answer.Id)?.Votes ?? 0);
        }

        foreach (var minute in minutes)
        {
            var start = minute.Start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            foreach (var answer in answers)
            {
                Row(csv, "minute", start, answer, minute.Options.FirstOrDefault(votes => votes.Id == answer.Id)?.Votes ?? 0);
            }
        }

        return csv.ToString();
    }

    private static void Row(StringBuilder csv, string series, string start, PollOption option, long votes) =>
        csv.Append(series).Append(',').Append(start).Append(',').Append(option.Id).Append(',')
            .Append(Field(option.Text)).Append(',').Append(votes.ToString(CultureInfo.InvariantCulture)).Append("\r\n");

    /// <summary>Quoted as RFC 4180 wants, and text a spreadsheet would run as a formula starts with an apostrophe.</summary>
    private static string Field(string text)
    {
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@')
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
