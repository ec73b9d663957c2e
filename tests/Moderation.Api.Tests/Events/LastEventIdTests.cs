using Moderation.Api.Events;

namespace Moderation.Api.Tests.Events;

public sealed class LastEventIdTests
{
    [Fact]
    public void No_id_given_means_the_stream_starts_at_the_present()
    {
        Assert.True(LastEventId.TryRead(null, null, out var after, out var problem));
        Assert.Null(after);
        Assert.Null(problem);
    }

    [Fact]
    public void The_header_wins_over_the_query()
    {
        Assert.True(LastEventId.TryRead("42", "7", out var after, out _));
        Assert.Equal(42, after);
    }

    [Fact]
    public void The_query_serves_when_there_is_no_header()
    {
        Assert.True(LastEventId.TryRead(null, "7", out var after, out _));
        Assert.Equal(7, after);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("abc")]
    [InlineData(" 5")]
    [InlineData("")]
    public void Anything_but_a_whole_number_of_0_or_more_is_a_validation_problem_naming_the_field(string given)
    {
        Assert.False(LastEventId.TryRead(given, null, out var after, out var problem));
        Assert.Null(after);
        Assert.Equal(["lastEventId"], problem.ProblemDetails.Errors.Keys);
    }
}
