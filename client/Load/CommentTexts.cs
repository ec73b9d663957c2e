namespace Moderation.Client.Load;

/// <summary>What the virtual readers of <c>load comments</c> write: civil remarks, or (a chosen share) abusive ones the filter should hold.</summary>
internal static class CommentTexts
{
    private static readonly string[] Civil =
    [
        "Thank you for this thoughtful article. The interviews were especially informative.",
        "I read this twice; the figures on the city budget surprised me.",
        "Good reporting. I would like a follow-up on what the council decides next month.",
        "My neighbours and I discussed this at dinner and we mostly agree with the second point.",
        "Could you add a map of the affected streets? It would help readers outside the centre.",
        "Interesting piece, although I think the timeline in the third paragraph is off by a year.",
    ];

    private static readonly string[] Abusive =
    [
        "You are a worthless pathetic idiot, shut up you stupid moron.",
        "What a stupid idiot wrote this garbage, go away you pathetic loser.",
    ];

    /// <summary>A text no other post of any run repeats.</summary>
    public static string Body(string runId, int reader, int sequence, bool abusive)
    {
        var pool = abusive ? Abusive : Civil;
        return $"{pool[Random.Shared.Next(pool.Length)]} ({runId}/{reader}/{sequence})";
    }
}
