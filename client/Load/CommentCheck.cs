using Spectre.Console;

namespace Moderation.Client.Load;

/// <summary>
/// Whether each article's published comment count grew by exactly the posts the service acknowledged as published
/// (held ones wait for a moderator and are not counted). <see cref="Uncertain"/> posts failed without an answer:
/// the service may have stored them, so the count may exceed the expected by up to that many.
/// </summary>
public sealed record CommentCheck(
    IReadOnlyDictionary<string, long> ExpectedPublished,
    IReadOnlyDictionary<string, long> ActualPublished,
    long Acknowledged,
    long Published,
    long Held,
    long Uncertain)
{
    public bool Match
    {
        get
        {
            var articles = ExpectedPublished.Keys.Union(ActualPublished.Keys).ToList();
            var surplus = articles.Sum(article => ActualPublished.GetValueOrDefault(article) - ExpectedPublished.GetValueOrDefault(article));
            return articles.All(article => ActualPublished.GetValueOrDefault(article) >= ExpectedPublished.GetValueOrDefault(article)) && surplus <= Uncertain;
        }
    }

    public void Write(IAnsiConsole console)
    {
        var table = new Table().Title("published comments").AddColumns("Article", "Acknowledged published", "Count grew by");
        table.Columns[1].RightAligned();
        table.Columns[2].RightAligned();
        foreach (var article in ExpectedPublished.Keys.Union(ActualPublished.Keys).Order(StringComparer.Ordinal))
        {
            table.AddRow(Markup.Escape(article), $"{ExpectedPublished.GetValueOrDefault(article):N0}", $"{ActualPublished.GetValueOrDefault(article):N0}");
        }

        console.Write(table);
        console.MarkupLine(Match
            ? $"[green]MATCH[/]: {Acknowledged:N0} comment(s) acknowledged, {Published:N0} published and counted, {Held:N0} held for moderators."
            : $"[red]MISMATCH[/]: the published counts differ from the {Published:N0} acknowledged published comment(s); {Uncertain:N0} post(s) failed without an answer.");
    }
}
