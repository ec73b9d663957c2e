using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Moderation.Api.Events;

/// <summary>The id a reconnecting client last saw: the <c>Last-Event-ID</c> header, or the query (EventSource sends no headers).</summary>
public static class LastEventId
{
    /// <summary>Reads the id the client gave (null: none); false, with the problem to answer, when it is not an id.</summary>
    public static bool TryRead(string? header, string? query, out long? after, [NotNullWhen(false)] out ValidationProblem? problem)
    {
        after = null;
        problem = null;
        var given = header ?? query;
        if (given is null)
        {
            return true;
        }

        if (!long.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            problem = TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["lastEventId"] = ["The last event id is the id of an event this stream sent: a number of 0 or more."],
            });
            return false;
        }

        after = parsed;
        return true;
    }
}
