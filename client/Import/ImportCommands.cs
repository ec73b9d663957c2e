using System.CommandLine;
using Moderation.Client.Http;
using Moderation.Http.Articles;
using Moderation.Http.Imports;
using Spectre.Console;

namespace Moderation.Client.Import;

/// <summary>The <c>import</c> command group: a site's comments from Disqus or WordPress, or from this service's export (moderator or editor).</summary>
public static class ImportCommands
{
    public static Command Create(ClientHost host)
    {
        var import = new Command("import", "Bring a site's comments from Disqus, WordPress or this service's export (moderator or editor); running it again resumes and changes nothing stored");
        import.Subcommands.Add(Source(host, "disqus", "Import a Disqus XML export", file =>
        {
            Dictionary<string, SourceThread> threads;
            using (var stream = File.OpenRead(file))
            {
                threads = DisqusExport.ReadThreads(stream);
            }

            return new Reader(new ImportSettings(DisqusExport.Source, Html: true, false, false, 0), stream => DisqusExport.ReadPosts(stream, threads));
        }));
        import.Subcommands.Add(Source(host, "wordpress", "Import a WordPress export (WXR)", _ =>
            new Reader(new ImportSettings(WordPressExport.Source, Html: true, false, false, 0), WordPressExport.ReadComments)));
        import.Subcommands.Add(Source(host, "export", "Import this service's export (moderation export) into an installation: its ids, readers and article settings are kept", file =>
        {
            var summary = ExportFile.Summarize(file);
            if (summary.End is null)
            {
                throw new InvalidDataException($"{file} has no end line: the export was cut short, and importing part of it would look whole.");
            }

            return new Reader(new ImportSettings(ExportFile.Source, Html: false, false, false, 0), ExportFile.ReadComments, async (api, cancellationToken) =>
            {
                foreach (var article in summary.Articles)
                {
                    var trust = article.Trust is { } counts ? new ArticleTrustSettings(counts.NewReaderComments, counts.LinkApprovedComments, counts.RecentRejections) : null;
                    await api.UpdateArticleSettingsAsync(article.Id, new ArticleSettingsRequest(article.CommentsOpen, article.Premoderation, article.HoldThreshold, trust), cancellationToken);
                }

                return $"Restored the settings of {summary.Articles.Count:N0} articles.";
            }, async (api, cancellationToken) =>
            {
                var polls = await ExportPolls.RestoreAsync(api, ExportFile.ReadPolls(file), cancellationToken);
                var (stored, existed) = await RestoreAuditAsync(api, ExportFile.ReadAudit(file), cancellationToken);
                return $"Restored {polls.Stored:N0} polls ({polls.Existed:N0} existed) with {polls.Counted:N0} ballots ({polls.BallotsExisted:N0} counted before). " +
                    $"Restored {stored:N0} audit records; {existed:N0} were restored before.";
            });
        }));
        return import;
    }

    /// <summary>Sends an export's audit records in file order, a batch at a time; answers how many were restored now and before.</summary>
    private static async Task<(long Stored, long Existed)> RestoreAuditAsync(ModerationApi api, IEnumerable<ImportAuditRecord> records, CancellationToken cancellationToken)
    {
        long stored = 0, existed = 0;
        foreach (var batch in records.Chunk(ModerationApi.MaxRecordsPerAuditImport))
        {
            var answer = await api.ImportAuditAsync(new ImportAuditRequest(batch), cancellationToken);
            stored += answer.Stored;
            existed += answer.Existed;
        }

        return (stored, existed);
    }

    /// <param name="Prepare">Anything to do before the comments are sent; answers a line for the report.</param>
    /// <param name="Finish">Anything to do once every comment is stored (what refers to comments); answers a line for the report.</param>
    private sealed record Reader(
        ImportSettings Settings,
        Func<Stream, IEnumerable<SourceComment>> Read,
        Func<ModerationApi, CancellationToken, Task<string>>? Prepare = null,
        Func<ModerationApi, CancellationToken, Task<string>>? Finish = null);

    private static Command Source(ClientHost host, string name, string description, Func<string, Reader> reader)
    {
        var file = new Argument<FileInfo>("file") { Description = "The export file" };
        var map = new Option<FileInfo?>("--map") { Description = "A file of 'source,articleId' lines, where source is a thread's identifier, link or slug, for sites whose ids differ" };
        var asLabels = new Option<bool>("--as-labels") { Description = "Also make labels for the filter's retraining: rejected comments toxic, published ones clean (moderator)" };
        var rescore = new Option<bool>("--rescore") { Description = "Pass the comments the source published through the filter: it may hold or reject them" };
        var batchSize = new Option<int>("--batch-size")
        {
            Description = $"Comments per request (at most {ModerationApi.MaxCommentsPerImportBatch})",
            DefaultValueFactory = _ => 500,
        };
        var command = new Command(name, description) { file, map, asLabels, rescore, batchSize };
        command.SetAction(host.Action(async (parse, cancellationToken) =>
        {
            var size = parse.GetValue(batchSize);
            if (size is < 1 or > ModerationApi.MaxCommentsPerImportBatch)
            {
                throw new UsageException($"--batch-size must be between 1 and {ModerationApi.MaxCommentsPerImportBatch}.");
            }

            var path = parse.GetValue(file)!.FullName;
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"There is no file {path}.");
            }

            var articles = parse.GetValue(map) is { } mapFile ? ArticleMap.Load(mapFile.FullName) : ArticleMap.Empty;
            var source = reader(path);
            var settings = source.Settings with { AsLabels = parse.GetValue(asLabels), Rescore = parse.GetValue(rescore), BatchSize = size };
            var api = host.CreateApi(parse, TimeSpan.FromMinutes(2));
            using var http = api.Http;
            var prepared = source.Prepare is null ? null : await source.Prepare(api, cancellationToken);
            var run = new ImportRun(api, settings, articles);
            var summary = await host.Console.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask($"Importing {Path.GetFileName(path)}", maxValue: 1);
                    return await run.RunAsync(source.Read, () => File.OpenRead(path), (pass, done) =>
                    {
                        task.Description = pass == 1 ? $"Importing {Path.GetFileName(path)}" : $"Pass {pass}: replies read before their parents";
                        task.Value = done;
                    }, cancellationToken);
                });
            Report(host.Console, summary);
            if (prepared is not null)
            {
                host.Console.MarkupLineInterpolated($"{prepared}");
            }

            if (source.Finish is not null)
            {
                host.Console.MarkupLineInterpolated($"{await source.Finish(api, cancellationToken)}");
            }

            return 0;
        }));
        return command;
    }

    private static void Report(IAnsiConsole console, ImportSummary summary)
    {
        console.MarkupLineInterpolated($"Stored [bold]{summary.Stored:N0}[/] comments; {summary.Existed:N0} were stored before ({summary.Passes} pass(es) over the file).");
        if (summary.LabelsAdded > 0)
        {
            console.MarkupLineInterpolated($"Added {summary.LabelsAdded:N0} labels for retraining.");
        }

        if (summary.WithoutArticle > 0)
        {
            console.MarkupLineInterpolated($"[yellow]Left out {summary.WithoutArticle:N0}[/] comments whose thread maps to no article id: give them one with --map.");
        }

        if (summary.WithoutParent > 0)
        {
            console.MarkupLineInterpolated($"[yellow]Left out {summary.WithoutParent:N0}[/] replies whose parent is not in the file.");
        }
    }
}
