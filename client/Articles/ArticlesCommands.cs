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
        var command = new Command("settings", "Change an article's comment settings; unnamed ones stay (editor or moderator)")
        {
            articleId, open, premoderation, threshold,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(open) is null && result.GetResult(premoderation) is null && result.GetResult(threshold) is null)
            {
                result.AddError("Name at least one of --comments-open, --premoderation and --hold-threshold.");
            }
        });
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var api = host.CreateApi(parse);
            using var http = api.Http;
            var settings = new ArticleSettingsRequest(parse.GetValue(open), parse.GetValue(premoderation), parse.GetValue(threshold));
            Write(host.Console, await api.UpdateArticleSettingsAsync(parse.GetValue(articleId)!, settings, cancellationToken));
            return 0;
        }));
        return command;
    }

    private static void Write(IAnsiConsole console, ArticleResponse article)
    {
        console.MarkupLineInterpolated($"Article [bold]{article.Id}[/]");
        var threshold = article.HoldThreshold is { } value ? value.ToString("0.000") : "none";
        console.WriteLine($"  comments: {(article.CommentsOpen ? "open" : "closed")}; premoderation: {(article.Premoderation ? "on" : "off")}; hold threshold: {threshold}");
        console.WriteLine($"  published comments: {article.CommentCount}; polls: {(article.PollIds.Count == 0 ? "none" : string.Join(", ", article.PollIds))}");
    }
}
