using System.Net;
using Moderation.Client.Http;
using Moderation.Http.Moderators;
using Spectre.Console;

namespace Moderation.Client.Moderators;

/// <summary>Which queue a review walks, and in which order.</summary>
public sealed record ReviewFilter(string State, string? ArticleId, string Sort, int PageSize = 20)
{
    public string Describe() => $"{State} queue{(ArticleId is null ? "" : $" of {ArticleId}")}, by {Sort}";
}

/// <summary>
/// The state of <c>moderate review</c>: a page of the queue, the item shown, and what each action does to them.
/// It reads keys and asks for reasons through the console it is given, so a test drives it with a test console.
/// A decided item leaves the list; at the end of the list the next page is fetched, and an empty list is refetched
/// from the start (new comments may have been held meanwhile) before the session says the queue is empty.
/// </summary>
public sealed class ReviewSession(ModerationApi api, IAnsiConsole console, ReviewFilter filter)
{
    private const string CancelChoice = "(cancel)";
    private readonly List<QueueItemResponse> _items = [];
    private string? _nextCursor;

    public ReviewFilter Filter => filter;

    public IReadOnlyList<QueueItemResponse> Items => _items;

    public int Index { get; private set; }

    public QueueItemResponse? Current => Index < _items.Count ? _items[Index] : null;

    public bool HasMore => _nextCursor is not null;

    public QueueCounts Counts { get; private set; } = new(0, 0);

    /// <summary>The outcome of the last action, as markup.</summary>
    public string? Status { get; private set; }

    public int Approved { get; private set; }

    public int Rejected { get; private set; }

    public int Banned { get; private set; }

    /// <summary>Loads the queue, then draws and acts on keys until q or an empty queue.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await ReloadAsync(cancellationToken);
        while (Current is not null)
        {
            Draw();
            var key = await console.Input.ReadKeyAsync(intercept: true, cancellationToken);
            if (key is null || !await HandleAsync(ReviewKeys.Map(key.Value), cancellationToken))
            {
                break;
            }
        }

        if (Status is not null)
        {
            console.MarkupLine(Status);
        }

        if (Current is null)
        {
            console.MarkupLineInterpolated($"The {filter.State} queue is empty.");
        }

        console.MarkupLineInterpolated($"Review ended: {Approved} approved, {Rejected} rejected, {Banned} banned.");
    }

    /// <returns>False to end the session.</returns>
    public async Task<bool> HandleAsync(ReviewAction action, CancellationToken cancellationToken)
    {
        Status = null;
        switch (action)
        {
            case ReviewAction.Quit:
                return false;
            case ReviewAction.Next:
                await NextAsync(cancellationToken);
                break;
            case ReviewAction.Previous:
                Index = Math.Max(0, Index - 1);
                break;
            case ReviewAction.Approve:
                await DecideAsync("approve", null, cancellationToken);
                break;
            case ReviewAction.Reject:
                if (await AskReasonAsync(cancellationToken) is { } reason)
                {
                    await DecideAsync("reject", reason, cancellationToken);
                }
                else
                {
                    Status = "Not rejected.";
                }

                break;
            case ReviewAction.Ban:
                await BanAsync(cancellationToken);
                break;
            case ReviewAction.Reload:
                await ReloadAsync(cancellationToken);
                Status = "Reloaded.";
                break;
            default:
                Status = Markup.Escape(ReviewKeys.Legend);
                break;
        }

        return true;
    }

    private void Draw()
    {
        if (console.Profile.Capabilities.Ansi)
        {
            console.Clear(home: true);
        }

        console.Write(ReviewScreen.Render(this));
    }

    private async Task NextAsync(CancellationToken cancellationToken)
    {
        if (Index + 1 < _items.Count)
        {
            Index++;
            return;
        }

        var before = _items.Count;
        if (_nextCursor is not null)
        {
            await LoadPageAsync(_nextCursor, cancellationToken);
        }

        if (_items.Count > before)
        {
            Index = before;
        }
        else
        {
            Status = "[grey]This is the last item.[/]";
        }
    }

    private async Task DecideAsync(string action, string? reason, CancellationToken cancellationToken)
    {
        var item = Current!;
        try
        {
            var decided = await api.DecideAsync(item.Comment.Id, new DecisionRequest(action, reason, "", item.Comment.Revision), cancellationToken);
            if (action == "approve")
            {
                Approved++;
            }
            else
            {
                Rejected++;
            }

            Status = Markup.Escape($"{(action == "approve" ? "Approved" : $"Rejected ({reason})")} {decided.Id}: now {decided.Status}, revision {decided.Revision}.");
            Counts = filter.State switch
            {
                "pending" => Counts with { Pending = Math.Max(0, Counts.Pending - 1) },
                "reported" => Counts with { Reported = Math.Max(0, Counts.Reported - 1) },
                _ => Counts,
            };
            await RemoveAsync(item, cancellationToken);
        }
        catch (ProblemException refused)
        {
            Status = $"[red]Refused:[/] {Markup.Escape(refused.Message)}";
            if (refused.Status is HttpStatusCode.Conflict or HttpStatusCode.NotFound)
            {
                // Someone else decided, or it changed since this page was read: show what the queue holds now.
                var message = Status;
                await ReloadAsync(cancellationToken);
                Status = message + " [grey](queue reloaded)[/]";
            }
        }
    }

    private async Task BanAsync(CancellationToken cancellationToken)
    {
        var author = Current!.Comment.AuthorId;
        var reason = await new TextPrompt<string>($"Reason for banning [bold]{Markup.Escape(author)}[/] (empty to cancel):")
            .AllowEmpty()
            .ShowAsync(console, cancellationToken);
        if (string.IsNullOrWhiteSpace(reason))
        {
            Status = "Not banned.";
            return;
        }

        var rejectPending = await new ConfirmationPrompt("Also reject their held comments?") { DefaultValue = true }.ShowAsync(console, cancellationToken);
        try
        {
            var ban = await api.BanAsync(author, new BanRequest(reason.Trim(), rejectPending), cancellationToken);
            Banned++;
            await ReloadAsync(cancellationToken);
            Status = Markup.Escape($"Banned {ban.ReaderId}; {ban.RejectedComments} held comment(s) rejected.");
        }
        catch (ProblemException refused)
        {
            Status = $"[red]Refused:[/] {Markup.Escape(refused.Message)}";
        }
    }

    private async Task<string?> AskReasonAsync(CancellationToken cancellationToken)
    {
        var choice = await new SelectionPrompt<string>()
            .Title("Why reject it?")
            .AddChoices([.. ModerationWords.RejectReasons, CancelChoice])
            .ShowAsync(console, cancellationToken);
        return choice == CancelChoice ? null : choice;
    }

    private async Task RemoveAsync(QueueItemResponse item, CancellationToken cancellationToken)
    {
        _items.Remove(item);
        if (_items.Count == 0)
        {
            if (_nextCursor is not null)
            {
                await LoadPageAsync(_nextCursor, cancellationToken);
            }
            else
            {
                await ReloadAsync(cancellationToken);
            }
        }

        Index = Math.Clamp(Index, 0, Math.Max(0, _items.Count - 1));
    }

    /// <summary>Reads the queue from its start again, keeping the current comment in view when it is still there.</summary>
    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var currentId = Current?.Comment.Id;
        _items.Clear();
        await LoadPageAsync(null, cancellationToken);
        var found = _items.FindIndex(item => item.Comment.Id == currentId);
        Index = found >= 0 ? found : Math.Clamp(Index, 0, Math.Max(0, _items.Count - 1));
    }

    private async Task LoadPageAsync(string? cursor, CancellationToken cancellationToken)
    {
        var page = await api.GetQueueAsync(filter.State, filter.ArticleId, filter.Sort, filter.PageSize, cursor, cancellationToken);
        var known = _items.Select(item => item.Comment.Id).ToHashSet(StringComparer.Ordinal);
        _items.AddRange(page.Items.Where(item => known.Add(item.Comment.Id)));
        _nextCursor = page.NextCursor;
        Counts = page.Counts;
    }
}
