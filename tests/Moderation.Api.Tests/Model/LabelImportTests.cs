using System.Net;
using System.Text;
using Moderation.Api.Tests.Comments;
using Moderation.Testing;
using static Moderation.Api.Tests.Model.ModelClient;

namespace Moderation.Api.Tests.Model;

[Collection(LearningCollection.Name)]
public sealed class LabelImportTests(LearningSilo silo)
{
    [Fact]
    public async Task Imported_labels_are_counted_by_origin_and_class_and_a_text_is_stored_once_within_and_across_requests()
    {
        using var moderator = await silo.ClientAsync("importer", "moderator");
        var before = await moderator.LabelsAsync();
        var toxic = Unique("You absolute clown, nobody wants your garbage opinion");
        var clean = Unique("The council vote was moved to Thursday");

        var first = await moderator.ImportOkAsync(Label(toxic, true), Label(clean, false), Label("  " + toxic + "  ", true));
        var second = await moderator.ImportOkAsync(Label(clean, false), Label(Unique("A fair question about the budget"), false));
        var after = await moderator.LabelsAsync();

        Assert.Equal((2, 1, 0), (first.GetProperty("accepted").GetInt32(), first.GetProperty("duplicates").GetInt32(), first.GetProperty("rejected").GetInt32()));
        Assert.Equal((1, 1), (second.GetProperty("accepted").GetInt32(), second.GetProperty("duplicates").GetInt32()));
        Assert.Equal(3, after.GetProperty("total").GetInt64() - before.GetProperty("total").GetInt64());
        Assert.Equal(3, after.Count("byOrigin", "import") - before.Count("byOrigin", "import"));
        Assert.Equal(1, after.Count("byClass", "toxic") - before.Count("byClass", "toxic"));
        Assert.Equal(2, after.Count("byClass", "clean") - before.Count("byClass", "clean"));
        Assert.Equal(3, after.Count("sinceCurrentModel", "import") - before.Count("sinceCurrentModel", "import"));
        Assert.False(string.IsNullOrEmpty(after.GetProperty("currentModel").GetString()));
    }

    [Fact]
    public async Task Bad_rows_are_rejected_and_listed_by_index_while_the_good_ones_are_stored()
    {
        using var moderator = await silo.ClientAsync("importer", "moderator");
        var before = await moderator.LabelsAsync();

        var result = await moderator.ImportOkAsync(
            Label(Unique("A reasonable reply"), false),
            new { text = "   ", toxic = true },
            new { text = Unique("No class given") },
            Label(new string('x', 5001), true),
            Label(Unique("Get lost, idiot"), true));
        var after = await moderator.LabelsAsync();

        Assert.Equal(2, result.GetProperty("accepted").GetInt32());
        Assert.Equal(3, result.GetProperty("rejected").GetInt32());
        var errors = result.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], errors.Select(error => error.GetProperty("index").GetInt32()));
        Assert.All(errors, error => Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString())));
        Assert.Equal(2, after.GetProperty("total").GetInt64() - before.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task An_import_of_no_items_or_of_more_than_5000_is_a_validation_problem_and_stores_nothing()
    {
        using var moderator = await silo.ClientAsync("importer", "moderator");
        var before = await moderator.LabelsAsync();

        using var empty = await moderator.ImportAsync();
        using var tooMany = await moderator.ImportAsync([.. Enumerable.Range(0, 5001).Select(i => Label(Unique($"row {i}"), i % 2 == 0))]);
        using var exactlyMax = await moderator.ImportAsync([.. Enumerable.Range(0, 5000).Select(i => Label(Unique($"max row {i}"), i % 2 == 0))]);
        var after = await moderator.LabelsAsync();

        await ProblemAssert.Expect(empty, HttpStatusCode.BadRequest);
        await ProblemAssert.Expect(tooMany, HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.OK, exactlyMax.StatusCode);
        Assert.Equal(5000, after.GetProperty("total").GetInt64() - before.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task A_body_larger_than_the_import_limit_is_refused_with_413()
    {
        using var moderator = await silo.ClientAsync("importer", "moderator");
        var row = $"{{\"text\":\"{new string('a', 4000)}\",\"toxic\":false}},";
        var json = new StringBuilder("{\"items\":[");
        while (json.Length < 17 * 1024 * 1024)
        {
            json.Append(row);
        }

        json.Append("{\"text\":\"last\",\"toxic\":true}]}");
        using var response = await moderator.PostAsync("/api/model/labels", new StringContent(json.ToString(), Encoding.UTF8, "application/json"));

        await ProblemAssert.Expect(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_text_a_moderator_decided_is_a_decision_label_and_a_duplicate_for_imports()
    {
        using var editor = await silo.ClientAsync("editor", "editor");
        using var moderator = await silo.ClientAsync("decider", "moderator");
        using var reader = await silo.ClientAsync("poster");
        var article = CommentClient.NewArticle("labels");
        (await editor.SettingsAsync(article, new { premoderation = true })).EnsureSuccessStatusCode();
        var text = Unique("Shut up, you clueless clown, nobody asked you");
        var comment = await reader.CommentAsync(article, text);
        var before = await moderator.LabelsAsync();

        (await moderator.DecideAsync(comment.Id(), "reject", comment.GetProperty("revision").GetInt64(), "abusive")).EnsureSuccessStatusCode();
        var decided = await moderator.LabelsAsync();
        var import = await moderator.ImportOkAsync(Label(text, false));

        Assert.Equal(1, decided.Count("byOrigin", "decision") - before.Count("byOrigin", "decision"));
        Assert.Equal(1, decided.Count("byClass", "toxic") - before.Count("byClass", "toxic"));
        Assert.Equal(1, decided.Count("sinceCurrentModel", "decision") - before.Count("sinceCurrentModel", "decision"));
        Assert.Equal(0, import.GetProperty("accepted").GetInt32());
        Assert.Equal(1, import.GetProperty("duplicates").GetInt32());
    }

    [Fact]
    public async Task Concurrent_imports_of_the_same_texts_store_each_text_once()
    {
        using var moderator = await silo.ClientAsync("racer", "moderator");
        var texts = Enumerable.Range(0, 200).Select(i => Unique($"raced label {i}")).ToList();
        var before = await moderator.LabelsAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            moderator.ImportOkAsync([.. texts.Select((text, i) => Label(text, i % 3 == 0))])));
        var after = await moderator.LabelsAsync();

        Assert.Equal(200, results.Sum(result => result.GetProperty("accepted").GetInt32()));
        Assert.Equal(600, results.Sum(result => result.GetProperty("duplicates").GetInt32()));
        Assert.Equal(200, after.GetProperty("total").GetInt64() - before.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task An_editor_may_read_the_counts_but_not_import()
    {
        using var editor = await silo.ClientAsync("editor", "editor");

        using var import = await editor.ImportAsync(Label(Unique("anything"), false));
        using var counts = await editor.GetAsync("/api/model/labels");

        await ProblemAssert.Expect(import, HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.OK, counts.StatusCode);
    }
}
