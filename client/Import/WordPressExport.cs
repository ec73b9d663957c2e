using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Moderation.Client.Import;

/// <summary>
/// Reads a WordPress export (WXR) as a stream: each <c>item</c>'s post name and link, then its <c>wp:comment</c>
/// elements one at a time. Pingbacks and trackbacks are not readers' comments and are left out.
/// </summary>
internal static class WordPressExport
{
    public const string Source = "wordpress";

    public static IEnumerable<SourceComment> ReadComments(Stream stream)
    {
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true, CloseInput = false });
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "item")
            {
                foreach (var comment in ReadItem(reader))
                {
                    yield return comment;
                }
            }
            else
            {
                reader.Read();
            }
        }
    }

    private static IEnumerable<SourceComment> ReadItem(XmlReader reader)
    {
        var depth = reader.Depth;
        string? link = null, postName = null;
        reader.Read();
        while (!reader.EOF && reader.Depth > depth)
        {
            if (reader.NodeType != XmlNodeType.Element || reader.Depth != depth + 1)
            {
                reader.Read();
                continue;
            }

            switch (reader.LocalName)
            {
                case "link" when reader.Prefix == "":
                    link = reader.ReadElementContentAsString();
                    break;
                case "post_name":
                    postName = reader.ReadElementContentAsString();
                    break;
                case "comment" when reader.Prefix == "wp" || reader.NamespaceURI.Contains("wordpress.org/export", StringComparison.Ordinal):
                    var thread = new SourceThread(string.IsNullOrEmpty(postName) ? null : postName, link, SourceThread.SlugOf(link));
                    if (Comment((XElement)XNode.ReadFrom(reader), thread) is { } comment)
                    {
                        yield return comment;
                    }

                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
    }

    private static SourceComment? Comment(XElement element, SourceThread thread)
    {
        string? Field(string name) => element.Elements().FirstOrDefault(child => child.Name.LocalName == name)?.Value is { Length: > 0 } value ? value : null;

        if (Field("comment_type") is "pingback" or "trackback")
        {
            return null;
        }

        var id = Field("comment_id") ?? throw new InvalidDataException("A WordPress comment has no wp:comment_id.");
        var status = Field("comment_approved") switch
        {
            "1" => "published",
            "0" => "pending",
            "spam" => "rejected",
            _ => "deleted",
        };
        var parent = Field("comment_parent");
        return new SourceComment(
            id,
            thread,
            parent is null or "0" ? null : parent,
            AuthorKeys.Of(Source, id, Field("comment_author_email"), Field("comment_user_id") is { } user and not "0" ? user : null, Field("comment_author")),
            Field("comment_author"),
            Field("comment_content") ?? "",
            Time(Field("comment_date_gmt"), Field("comment_date"), id),
            status,
            status == "rejected" ? "spam" : null);
    }

    /// <summary>The GMT date; WordPress writes 0000-00-00 there for some old comments, and then the local date is the best there is.</summary>
    private static DateTimeOffset Time(string? gmt, string? local, string id)
    {
        foreach (var text in new[] { gmt, local })
        {
            if (DateTime.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) && time.Year > 1)
            {
                return new DateTimeOffset(time, TimeSpan.Zero);
            }
        }

        throw new InvalidDataException($"WordPress comment {id} has no readable date ('{gmt}', '{local}').");
    }
}
