using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Moderation.Client.Import;

/// <summary>
/// Reads a Disqus XML export as a stream: one <c>thread</c> or <c>post</c> element in memory at a time. Posts name
/// their thread by its <c>dsq:id</c>, so the threads (a small share of the file) are read first in a pass of their own.
/// </summary>
internal static class DisqusExport
{
    public const string Source = "disqus";

    /// <summary>Every thread by its <c>dsq:id</c>.</summary>
    public static Dictionary<string, SourceThread> ReadThreads(Stream stream)
    {
        var threads = new Dictionary<string, SourceThread>(StringComparer.Ordinal);
        foreach (var thread in TopLevel(stream, "thread"))
        {
            if (InternalId(thread) is { } id)
            {
                var link = Child(thread, "link");
                threads[id] = new SourceThread(Child(thread, "id"), link, SourceThread.SlugOf(link));
            }
        }

        return threads;
    }

    /// <summary>Every post, in the file's order; a post of an unknown thread has a null thread.</summary>
    public static IEnumerable<SourceComment> ReadPosts(Stream stream, IReadOnlyDictionary<string, SourceThread> threads)
    {
        foreach (var post in TopLevel(stream, "post"))
        {
            var id = InternalId(post) ?? throw new InvalidDataException("A Disqus post has no dsq:id.");
            var author = post.Elements().FirstOrDefault(element => element.Name.LocalName == "author");
            var status = Flag(post, "isDeleted") ? "deleted" : Flag(post, "isSpam") ? "rejected" : "published";
            yield return new SourceComment(
                id,
                InternalId(Named(post, "thread")) is { } thread ? threads.GetValueOrDefault(thread) : null,
                InternalId(Named(post, "parent")),
                AuthorKeys.Of(Source, id, Child(author, "email"), Child(author, "username"), Child(author, "name")),
                Child(author, "name"),
                Child(post, "message") ?? "",
                Time(Child(post, "createdAt"), id),
                status,
                status == "rejected" ? "spam" : null);
        }
    }

    private static IEnumerable<XElement> TopLevel(Stream stream, string name)
    {
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true, CloseInput = false });
        reader.MoveToContent();
        if (!reader.Read())
        {
            yield break;
        }

        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth == 1)
            {
                if (reader.LocalName == name)
                {
                    yield return (XElement)XNode.ReadFrom(reader);
                }
                else
                {
                    reader.Skip();
                }
            }
            else
            {
                reader.Read();
            }
        }
    }

    private static XElement? Named(XElement? parent, string name) => parent?.Elements().FirstOrDefault(element => element.Name.LocalName == name);

    private static string? Child(XElement? parent, string name) => Named(parent, name)?.Value is { Length: > 0 } value ? value : null;

    private static string? InternalId(XElement? element) =>
        element?.Attributes().FirstOrDefault(attribute => attribute.Name.LocalName == "id")?.Value is { Length: > 0 } id ? id : null;

    private static bool Flag(XElement post, string name) => string.Equals(Child(post, name), "true", StringComparison.OrdinalIgnoreCase);

    private static DateTimeOffset Time(string? text, string id) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : throw new InvalidDataException($"Disqus post {id} has no readable createdAt ('{text}').");
}
