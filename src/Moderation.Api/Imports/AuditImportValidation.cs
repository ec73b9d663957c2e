using Moderation.Api.Comments;
using Moderation.Http.Imports;

namespace Moderation.Api.Imports;

/// <summary>The contract's input rules for restoring an export's audit records: a batch with any bad record is refused whole.</summary>
public static class AuditImportValidation
{
    public const int MaxBatchSize = 1000;
    private const int MaxIdLength = 200;
    private const int MaxWordLength = 64;
    private const int MaxTextLength = 2000;

    public static Dictionary<string, string[]> Validate(ImportAuditRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Records is not { Count: > 0 and <= MaxBatchSize })
        {
            errors["records"] = [$"A batch has 1 to {MaxBatchSize} records."];
            return errors;
        }

        for (var index = 0; index < request.Records.Count; index++)
        {
            if (Problem(request.Records[index]) is { } problem)
            {
                errors[$"records[{index}]"] = [problem];
            }
        }

        return errors;
    }

    /// <summary>This service's comment ids name their part; an id of another shape cannot say where its record goes.</summary>
    public static bool IsCommentId(string id) => CommentIds.IsWellFormed(id) && id.Length == 19;

    private static string? Problem(ImportAuditRecord? record) => record switch
    {
        null => "A record is required.",
        { At: null } => "The at time is required.",
        { Action: null or "" } or { Action.Length: > MaxWordLength } => $"The action is 1 to {MaxWordLength} characters.",
        { CommentId: { } id } when !IsCommentId(id) => "The commentId is null or one of this service's comment ids.",
        { ModeratorId.Length: > MaxIdLength } or { ReaderId.Length: > MaxIdLength } => $"The moderatorId and readerId are at most {MaxIdLength} characters.",
        { FromStatus.Length: > MaxWordLength } or { ToStatus.Length: > MaxWordLength } => $"The fromStatus and toStatus are at most {MaxWordLength} characters.",
        { Reason.Length: > MaxTextLength } or { Note.Length: > MaxTextLength } => $"The reason and note are at most {MaxTextLength} characters.",
        { Score: < 0 or > 1 } => "The score is null or from 0 to 1.",
        _ => null,
    };
}
