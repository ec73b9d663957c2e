using System.CommandLine;
using System.CommandLine.Parsing;
using Moderation.Client.Http;
using Moderation.Http.Articles;
using Spectre.Console;

namespace Moderation.Client.Articles;

/// <summary>The <c>articles</c> command group: an article's settings, comment count and polls; editors and moderators change the settings.</summary>
public static class ArticlesCommands
{
    public static Command Create(ClientHost host)
    {
        var articles = new Command("articles", "Show an article and change its comment settings");
        articles.Subcommands.Add(Show(host));
        articles.Subcommands.Add(Settings(host));
        return articles;
    }

    private static Argument<string> ArticleIdArgument() => new("articleId") { Description = "The news site's article id" };

    private static Command Show(ClientHost host)
    {
        var articleId = ArticleIdArgument();
        var command = new Command("show", "Show an article's comment settings, published comment count and polls") { articleId };
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var api = host.CreateApi(parse);
            using var http = api.Http;
            Write(host.Console, await api.GetArticleAsync(parse.GetValue(articleId)!, cancellationToken));
            return 0;
        }));
        return command;
    }

    private static Command Settings(ClientHost host)
    {
        var articleId = ArticleIdArgument();
        var open = new Option<bool?>("--comments-open") { Description = "true: readers may comment; false: comments are closed" };
        var premoderation = new Option<bool?>("--premoderation") { Description = "true: every comment waits for a moderator" };
        var threshold = new Option<double?>("--hold-threshold") { Description = "Score in [0,1] at or above which a comment is held" };
        var newReader = new Option<int?>("--new-reader-comments") { Description = "This article: a reader's first N comments wait (0: off)" };
        var link = new Option<int?>("--link-approved-comments") { Description = "This article: links wait while the author has fewer than M approved comments (0: off)" };
        var rejections = new Option<int?>("--recent-rejections") { Description = "This article: K recent rejections premoderate the reader (0: off)" };
        var siteTrust = new Option<bool>("--site-trust") { Description = "This article takes the site's trust rule counts again" };
        var command = new Command("settings", "Change an article's comment settings; unnamed ones stay (editor or moderator)")
        {
            articleId, open, premoderation, threshold, newReader, link, rejections, siteTrust,
        };
        Option[] named = [open, premoderation, threshold, newReader, link, rejections, siteTrust];
        command.Validators.Add(result =>
        {
            if (named.All(option => result.GetResult(option) is null))
            {
                result.AddError("Name at least one of --comments-open, --premoderation, --hold-threshold, --new-reader-comments, --link-approved-comments, --recent-rejections and --site-trust.");
            }
        });
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var api = host.CreateApi(parse);
            using var http = api.Http;
            var trust = await TrustAsync(api, parse.GetValue(articleId)!, parse.GetValue(newReader), parse.GetValue(link), parse.GetValue(rejections), parse.GetValue(siteTrust), cancellationToken);
            var settings = new ArticleSettingsRequest(parse.GetValue(open), parse.GetValue(premoderation), parse.GetValue(threshold), trust);
            Write(host.Console, await api.UpdateArticleSettingsAsync(parse.GetValue(articleId)!, settings, cancellationToken));
            return 0;
        }));
        return command;
    }

    /// <summary>The trust counts to send: the service replaces them whole, so the ones not named keep the article's current values.</summary>
    private static async Task<ArticleTrustSettings?> TrustAsync(
        ModerationApi api, string articleId, int? newReader, int? link, int? rejections, bool siteTrust, CancellationToken cancellationToken)
    {
        if (siteTrust)
        {
            return new ArticleTrustSettings(null, null, null);
        }

        if (newReader is null && link is null && rejections is null)
        {
            return null;
        }

        var current = (await api.GetArticleAsync(articleId, cancellationToken)).Trust;
        return new ArticleTrustSettings(
            newReader ?? current?.NewReaderComments, link ?? current?.LinkApprovedComments, rejections ?? current?.RecentRejections);
    }

    private static void Write(IAnsiConsole console, ArticleResponse article)
    {
        console.MarkupLineInterpolated($"Article [bold]{article.Id}[/]");
        var threshold = article.HoldThreshold is { } value ? value.ToString("0.000") : "none";
        console.WriteLine($"  comments: {(article.CommentsOpen ? "open" : "closed")}; premoderation: {(article.Premoderation ? "on" : "off")}; hold threshold: {threshold}");
        console.WriteLine($"  published comments: {article.CommentCount}; polls: {(article.PollIds.Count == 0 ? "none" : string.Join(", ", article.PollIds))}");
        console.WriteLine(article.Trust is { } trust
            ? $"  trust: new-reader {Count(trust.NewReaderComments)}; link {Count(trust.LinkApprovedComments)}; recent-rejections {Count(trust.RecentRejections)}"
            : "  trust: the site's");
    }

    private static string Count(int? count) => count switch
    {
        null => "site's",
        0 => "off",
        _ => count.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
