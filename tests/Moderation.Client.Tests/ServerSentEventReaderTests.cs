using System.Text;
using Moderation.Client.Http;

namespace Moderation.Client.Tests;

public sealed class ServerSentEventReaderTests
{
    [Fact]
    public async Task Reads_events_skips_comments_and_joins_data_lines()
    {
        const string stream = ": keepalive\n\nevent: results\ndata: {\"a\":1}\n\n:ping\r\ndata: first\r\ndata:second\r\nid: 7\r\n\r\nevent: results\ndata: unterminated";

        var events = new List<ServerSentEvent>();
        await foreach (var message in ServerSentEventReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(stream))))
        {
            events.Add(message);
        }

        Assert.Equal([new ServerSentEvent("results", "{\"a\":1}", null), new ServerSentEvent("message", "first\nsecond", "7")], events);
    }

    [Fact]
    public void Problem_messages_read_as_a_sentence_and_a_line_per_field()
    {
        var problem = new ProblemException(System.Net.HttpStatusCode.BadRequest, "Bad Request", "The request is not valid.",
            new Dictionary<string, string[]> { ["options"] = ["2 to 10 options."], ["question"] = ["Required."] });

        Assert.Equal("400 Bad Request: The request is not valid.\n  options: 2 to 10 options.\n  question: Required.", problem.Message.ReplaceLineEndings("\n"));
    }
}
