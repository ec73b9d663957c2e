namespace Moderation.Contracts.Comments;

/// <summary>What became of a reader's report.</summary>
public enum ReportResult
{
    /// <summary>The first report by this reader: counted.</summary>
    Counted,
    /// <summary>This reader had reported the comment already: nothing counted.</summary>
    AlreadyReported,
    /// <summary>No such comment, or not one the reader can see.</summary>
    NotFound,
}
