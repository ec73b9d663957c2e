namespace Moderation.Client.Moderators;

/// <summary>What a moderator can do in a review session.</summary>
public enum ReviewAction
{
    None,
    Next,
    Previous,
    Approve,
    Reject,
    Ban,
    Reload,
    Help,
    Quit,
}

/// <summary>The keys of <c>moderate review</c>: arrows or j/k to move, a approve, r reject, b ban the author, u reload, q quit.</summary>
public static class ReviewKeys
{
    public const string Legend = "↓/j next  ↑/k previous  a approve  r reject  b ban author  u reload  ? help  q quit";

    public static ReviewAction Map(ConsoleKeyInfo key)
    {
        if (key.Modifiers.HasFlag(ConsoleModifiers.Control) && key.Key == ConsoleKey.C)
        {
            return ReviewAction.Quit;
        }

        return key.Key switch
        {
            ConsoleKey.DownArrow or ConsoleKey.J or ConsoleKey.N or ConsoleKey.Spacebar => ReviewAction.Next,
            ConsoleKey.UpArrow or ConsoleKey.K or ConsoleKey.P => ReviewAction.Previous,
            ConsoleKey.A => ReviewAction.Approve,
            ConsoleKey.R => ReviewAction.Reject,
            ConsoleKey.B => ReviewAction.Ban,
            ConsoleKey.U or ConsoleKey.F5 => ReviewAction.Reload,
            ConsoleKey.Q or ConsoleKey.Escape => ReviewAction.Quit,
            ConsoleKey.H or ConsoleKey.F1 => ReviewAction.Help,
            _ => key.KeyChar == '?' ? ReviewAction.Help : ReviewAction.None,
        };
    }
}
