namespace Moderation.Contracts.Polls;

/// <summary>How readers answer a poll.</summary>
public enum PollKind
{
    /// <summary>One option per reader.</summary>
    Single,

    /// <summary>One to the poll's maxChoices distinct options per reader.</summary>
    Multiple,

    /// <summary>One whole number on the poll's scale per reader.</summary>
    Scale,
}

/// <summary>When readers may see a poll's results; editors always may.</summary>
public enum ResultsVisibility
{
    /// <summary>Anyone, at any time.</summary>
    Always,

    /// <summary>A reader who has voted.</summary>
    AfterVote,

    /// <summary>Anyone, once the poll is closed.</summary>
    AfterClose,
}

/// <summary>An opinion scale: whole numbers from <paramref name="Min"/> to <paramref name="Max"/>, with labels for its ends.</summary>
/// <param name="Min">The lowest value.</param>
/// <param name="Max">The highest value.</param>
/// <param name="MinLabel">What the lowest value means, e.g. "Strongly disagree".</param>
/// <param name="MaxLabel">What the highest value means, e.g. "Strongly agree".</param>
[GenerateSerializer, Immutable, Alias("moderation.poll-scale")]
public sealed record PollScale(
    [property: Id(0)] int Min, [property: Id(1)] int Max, [property: Id(2)] string MinLabel, [property: Id(3)] string MaxLabel);
