namespace Moderation.Silo.Web;

/// <summary>What the demo article at / carries: its id (the page names it too), the poll, and a first conversation.</summary>
public static class DemoArticle
{
    public const string Id = "el-salvador-prison-offer";

    public const string Question = "Should the US accept the offer?";

    public static readonly string[] Options = ["Yes", "No", "Not sure"];

    /// <summary>Votes already cast when the demo starts, per option, so the bars have something to show.</summary>
    public static readonly int[] SeedVotes = [14, 23, 9];

    /// <summary>Readers' comments: top-level ones, and replies naming the index of the comment they answer.</summary>
    public static readonly SeedComment[] Comments =
    [
        new("lucia", "Lucía M.", "Outsourcing prisons to another country raises obvious questions about oversight. Who inspects the conditions, and which court hears a complaint?", null),
        new("tom", "Tom B.", "If the cost per inmate really is lower, I can see why some officials are tempted. I'd still want to know what happens when someone is released.", null),
        new("priya", "Priya R.", "The offer to take US citizens is the part I can't get past. Sentences are handed down under one constitution and served under another government.", null),
        new("daniel", "Daniel K.", "Good question about oversight. Treaties on prisoner transfer exist, but as far as I know they cover nationals going home, not this.", 0),
        new("sam", "Sam O.", "Has anyone seen numbers on how many people this would actually involve? The article doesn't say.", null),
    ];

    /// <summary>Comments the filter holds, so the moderator console has something to show at once.</summary>
    public static readonly SeedComment[] Held =
    [
        new("troll", "angry_reader", "Anyone who supports this is a stupid idiot. Shut up, you morons.", null),
        new("heckler", "heckler99", "Typical idiots in these comments again. Nobody asked for your opinions, losers.", null),
    ];

    public sealed record SeedComment(string ReaderId, string Name, string Body, int? ReplyTo);
}
