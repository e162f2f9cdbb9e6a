using System.Globalization;
using System.Text;
using System.Text.Json;
using Dapper;
using IAToolkit.Testing;
using IAToolkit.Testing.ScriptedLlm;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IAToolkit.Browser.Tests;

/// <summary>
/// The chat as an employee uses it, the LLM being the scripted server: a streamed answer from the SQL tool, stopping
/// one, a prompt with date fields, an attached file, feedback, the history, and an answer that tries to run script.
/// </summary>
public sealed class ChatFlowTests : BrowserTest
{
    private const string CategoriesSql = """
        SELECT c.category_name, count(*) AS products
        FROM products p JOIN categories c ON c.category_id = p.category_id
        GROUP BY c.category_name ORDER BY c.category_name
        """;

    [Test]
    public async Task Ask_AnsweredThroughTheSqlTool_StreamsIntoATable()
    {
        var rows = await CategoriesAsync();
        var table = new StringBuilder("Products per category in the sales database:\n\n| Category | Products |\n|---|---:|\n");
        foreach (var (category, products) in rows)
        {
            table.Append(CultureInfo.InvariantCulture, $"| {category} | {products} |\n");
        }

        table.Append("\nThe **largest** category is ").Append(rows.MaxBy(r => r.Products).Category).Append('.');
        Site.Llm.Enqueue(
            ScriptedReply.ToolCalls(("iat_sql_query", JsonSerializer.Serialize(new { database = "sample_database", query = CategoriesSql }))),
            // The model reads the rows, then writes slowly enough for the page to show the answer growing.
            ScriptedReply.Delay(TimeSpan.FromMilliseconds(500), ScriptedReply.Dynamic(request =>
                request.Messages[^1].Content?.Contains(rows[0].Category, StringComparison.Ordinal) == true
                    ? ScriptedReply.Paced(table.ToString(), TimeSpan.FromMilliseconds(60))
                    : ScriptedReply.Text("The rows did not reach the model: " + request.Messages[^1].Content))));
        var chat = await Chat.OpenAsPortalUserAsync(Page, Site, "sql");
        await StepAsync("empty chat");
        await RecordAnswerLengthsAsync();

        await chat.AskAsync("How many products are there in each category?");
        await Expect(chat.LastAnswer).ToHaveAttributeAsync("data-state", "streaming");
        await Expect(chat.Stop).ToBeVisibleAsync();
        await Expect(chat.LastAnswer).ToContainTextAsync("Products per category", new() { Timeout = Chat.AnswerTimeout });
        await StepAsync("streaming", fullPage: false);
        await chat.WaitForAnswerAsync();

        // Each frame: the answer's text length and table rows at a change while it streamed. A table row's Markdown
        // shows as text until its line is complete, so the length may step back a little; over the stream it grows.
        var frames = await Page.EvaluateAsync<int[][]>("() => window.__iatFrames.filter(f => f[0] === 'streaming').map(f => [f[1], f[2]])");
        var seen = string.Join(" ", frames.Select(f => $"{f[0]}/{f[1]}"));
        var lengths = frames.Select(f => f[0]).Where(l => l > 0).ToList();
        Assert.That(lengths.Distinct().Count(), Is.GreaterThanOrEqualTo(3), "the answer was seen at several lengths while it streamed (length/rows): " + seen);
        Assert.That(lengths[^1], Is.GreaterThan(lengths[0]), "it grew: " + seen);
        Assert.That(frames.Select(f => f[1]).Where(r => r > 0).Distinct().Count(), Is.GreaterThanOrEqualTo(2), "the table was drawn row by row while it streamed: " + seen);
        var cells = chat.LastAnswer.Locator("table tbody tr");
        await Expect(cells).ToHaveCountAsync(rows.Count);
        await Expect(cells.First).ToContainTextAsync(rows[0].Category);
        await Expect(chat.LastAnswer.Locator("table thead")).ToContainTextAsync("Category");
        await Expect(chat.LastAnswer.Locator("strong")).ToHaveTextAsync("largest");
        var text = await chat.LastAnswer.InnerTextAsync();
        Assert.That(text, Does.Not.Contain("|---").And.Not.Contain("**").And.Not.Contain("<table"), "no raw Markdown or HTML is visible");
        await Expect(chat.Stop).ToBeHiddenAsync();
        await Expect(chat.Questions.Last).ToContainTextAsync("How many products are there in each category?");
        await StepAsync("answer with a table", fullPage: false);
        Assert.That(Site.Llm.ChatRequests[^1].Messages.Any(m => m.Role == "tool" && m.Content!.Contains(rows[^1].Category, StringComparison.Ordinal)), Is.True, "the SQL tool's rows reached the model");
        AssertNoScriptErrors();
    }

    [Test]
    public async Task Stop_LongAnswer_StopsTheStreamAndKeepsWhatArrived()
    {
        var words = string.Join(' ', Enumerable.Range(1, 400).Select(i => $"word{i}"));
        Site.Llm.Enqueue(ScriptedReply.Paced("A long report: " + words, TimeSpan.FromMilliseconds(100)));
        var abortedBefore = Site.Llm.AbortedRequests.Count;
        var chat = await Chat.OpenAsPortalUserAsync(Page, Site, "stop");

        await chat.AskAsync("Write the longest report you can.");
        await Expect(chat.LastAnswer).ToContainTextAsync("word3", new() { Timeout = Chat.AnswerTimeout });
        await StepAsync("long answer streaming", fullPage: false);
        await chat.Stop.ClickAsync();

        await Expect(chat.LastAnswer).ToHaveAttributeAsync("data-state", "stopped");
        await Expect(chat.Stop).ToBeHiddenAsync();
        var stoppedAt = (await chat.LastAnswer.InnerTextAsync()).Length;
        await Page.WaitForTimeoutAsync(1_000);
        Assert.That((await chat.LastAnswer.InnerTextAsync()).Length, Is.EqualTo(stoppedAt), "nothing more arrived after stop");
        await Expect(chat.LastAnswer).Not.ToContainTextAsync("word400");
        await StepAsync("stopped", fullPage: false);
        await WaitUntilAsync(() => Site.Llm.AbortedRequests.Count > abortedBefore, "the host cancelled its request to the LLM");
        await Expect(chat.Question).ToBeEditableAsync();
        AssertNoScriptErrors();
    }

    [Test]
    public async Task Prompt_WithDateFields_SendsTheDatesAndShowsTheAnswer()
    {
        Site.Llm.Enqueue(ScriptedReply.Text("Between the two dates **42** orders were shipped; 3 were late."));
        var chat = await Chat.OpenAsPortalUserAsync(Page, Site, "prompt");

        await Page.Locator("#iat-prompts-open").ClickAsync();
        await Expect(Page.Locator("#iat-prompts")).ToBeVisibleAsync();
        await StepAsync("prompt picker");
        await Page.Locator("#iat-prompts [data-prompt='shipping_analysis']").ClickAsync();
        var form = Page.Locator("form#iat-prompt-form");
        await Expect(form.Locator("input[name=init_date]")).ToHaveAttributeAsync("type", "date");
        await form.Locator("input[name=init_date]").FillAsync("2024-01-01");
        await form.Locator("input[name=end_date]").FillAsync("2024-03-31");
        await StepAsync("prompt with dates");
        await Page.Locator("#iat-prompt-run").ClickAsync();

        await Expect(chat.Answers).ToHaveCountAsync(1);
        await chat.WaitForAnswerAsync();
        await Expect(chat.LastAnswer).ToContainTextAsync("42 orders were shipped");
        await StepAsync("prompt answered", fullPage: false);
        var sent = string.Join("\n", Site.Llm.ChatRequests[^1].Messages.Select(m => m.Content));
        Assert.That(sent, Does.Contain("2024-01-01").And.Contain("2024-03-31"), "the dates reached the prompt the model got");
        AssertNoScriptErrors();
    }

    [Test]
    public async Task Attach_TextFile_TheQuestionCarriesItsText()
    {
        var marker = "budget-line-" + Guid.NewGuid().ToString("N")[..8];
        Site.Llm.Enqueue(ScriptedReply.Text("Your notes mention one budget line."));
        var chat = await Chat.OpenAsPortalUserAsync(Page, Site, "attach");

        await Page.Locator("#iat-file").SetInputFilesAsync(new FilePayload
        {
            Name = "notes.txt",
            MimeType = "text/plain",
            Buffer = Encoding.UTF8.GetBytes($"Meeting notes.\nThe {marker} is approved for 2025.\n"),
        });
        await Expect(Page.Locator("#iat-attachments .iat-attachment")).ToContainTextAsync("notes.txt");
        await StepAsync("file attached", fullPage: false);
        await chat.AskAsync("What do my notes say?");
        await chat.WaitForAnswerAsync();

        await Expect(chat.LastAnswer).ToContainTextAsync("one budget line");
        var sent = string.Join("\n", Site.Llm.ChatRequests[^1].Messages.Select(m => m.Content));
        Assert.That(sent, Does.Contain(marker), "the file's text went with the question");
        await StepAsync("answered about the file", fullPage: false);
        AssertNoScriptErrors();
    }

    [Test]
    public async Task Feedback_StarsAndComment_ReachTheCompanysFeedbackMailbox()
    {
        var comment = "Clear and quick " + Guid.NewGuid().ToString("N")[..8];
        Site.Llm.Enqueue(ScriptedReply.Text("Sales grew 12% in 2025."));
        var chat = await Chat.OpenAsPortalUserAsync(Page, Site, "feedback");
        await chat.AskAsync("How did sales do in 2025?");
        await chat.WaitForAnswerAsync();

        await chat.LastAnswer.Locator(".iat-feedback-open").ClickAsync();
        var dialog = Page.Locator("#iat-feedback");
        await Expect(dialog).ToBeVisibleAsync();
        // The stars are labels of visually hidden radio buttons: a person clicks the fourth star.
        var fourStars = dialog.Locator("input[name=rating][value='4']");
        await dialog.Locator($"label[for='{await fourStars.GetAttributeAsync("id")}']").ClickAsync();
        await Expect(fourStars).ToBeCheckedAsync();
        await Page.Locator("#iat-feedback-comment").FillAsync(comment);
        await StepAsync("feedback", fullPage: false);
        await Page.Locator("#iat-feedback-send").ClickAsync();

        await Expect(dialog).ToBeHiddenAsync();
        var mail = await Smtp4devMailbox.FindToAsync("feedback@example.com", comment);
        Assert.That(mail.TextBody ?? mail.HtmlBody, Does.Contain("★★★★☆"));
        await StepAsync("feedback sent", fullPage: false);
        AssertNoScriptErrors();
    }

    [Test]
    public async Task History_EarlierQuestion_IsFoundAndPutBackInTheComposer()
    {
        var first = "Which customers in Lisbon ordered the most in 2024?";
        var second = "Which supplier had the most late shipments?";
        Site.Llm.Enqueue(ScriptedReply.Text("Three customers in Lisbon."), ScriptedReply.Text("Fjord Seafood AS."));
        var chat = await Chat.OpenAsPortalUserAsync(Page, Site, "history");

        // Enter sends; Shift+Enter only breaks the line.
        await chat.Question.FillAsync(first);
        await chat.Question.PressAsync("Enter");
        await chat.WaitForAnswerAsync();
        await chat.Question.PressSequentiallyAsync("Which supplier");
        await chat.Question.PressAsync("Shift+Enter");
        Assert.That(await chat.Question.InputValueAsync(), Is.EqualTo("Which supplier\n"));
        await Expect(chat.Answers).ToHaveCountAsync(1);
        await chat.Question.FillAsync(second);
        await chat.Question.PressAsync("Enter");
        await Expect(chat.Answers).ToHaveCountAsync(2);
        await chat.WaitForAnswerAsync();

        await Page.Locator("#iat-history-open").ClickAsync();
        var history = Page.Locator("#iat-history");
        await Expect(history).ToBeVisibleAsync();
        await Expect(history.Locator(".iat-history-item")).ToHaveCountAsync(2);
        await Page.Locator("#iat-history-search").FillAsync("Lisbon");
        await Expect(history.Locator(".iat-history-item:visible")).ToHaveCountAsync(1);
        await StepAsync("history searched", fullPage: false);
        await history.Locator(".iat-history-item:visible").ClickAsync();

        await Expect(chat.Question).ToHaveValueAsync(first);
        await StepAsync("question reused", fullPage: false);
        AssertNoScriptErrors();
    }

    [Test]
    public async Task Answer_WithScriptImageAndJavascriptLink_RendersInert()
    {
        const string hostile = """
            Here is the report.

            <script>window.__pwned = 'script'; alert('script')</script>

            <img src="x" onerror="window.__pwned = 'img'; alert('img')">

            [Open the report](javascript:window.__pwned='markdown-link')

            <a href="javascript:alert('raw')" id="raw-link">Open it here</a>

            <svg onload="window.__pwned = 'svg'"><circle r="4"></circle></svg>

            <iframe src="javascript:alert('frame')"></iframe>

            End of the report.
            """;
        Site.Llm.Enqueue(ScriptedReply.Paced(hostile, TimeSpan.FromMilliseconds(15)));
        var chat = await Chat.OpenAsPortalUserAsync(Page, Site, "xss");
        // The trap, and a watch on everything the page inserts while the answer streams, not only what stays.
        await Page.EvaluateAsync("""
            () => {
                delete window.__pwned;
                window.__iatDangerous = [];
                const dangerous = 'script, iframe, object, embed, [onerror], [onload], [onclick], a[href^="javascript:" i]';
                new MutationObserver(records => {
                    for (const record of records) {
                        for (const node of record.addedNodes) {
                            if (node.nodeType !== 1) continue;
                            for (const hit of [node, ...node.querySelectorAll('*')].filter(e => e.matches(dangerous))) {
                                window.__iatDangerous.push(hit.outerHTML.slice(0, 120));
                            }
                        }
                    }
                }).observe(document.querySelector('#iat-messages'), { subtree: true, childList: true });
            }
            """);

        await chat.AskAsync("Show me the report.");
        await chat.WaitForAnswerAsync();
        await Expect(chat.LastAnswer).ToContainTextAsync("End of the report.");
        foreach (var link in await chat.LastAnswer.Locator("a").AllAsync())
        {
            await link.ClickAsync(new() { Timeout = 2_000 });
        }

        await Page.WaitForTimeoutAsync(500);
        await StepAsync("hostile answer", fullPage: false);
        var pwned = await Page.EvaluateAsync<string?>("() => window.__pwned === undefined ? null : String(window.__pwned)");
        Assert.That(pwned, Is.Null, "a script in the answer ran");
        Assert.That(Dialogs, Is.Empty, "a dialog opened");
        Assert.That(await chat.LastAnswer.Locator("script, iframe, [onerror], [onload]").CountAsync(), Is.Zero, "no executable element is in the answer");
        var inserted = await Page.EvaluateAsync<string[]>("() => window.__iatDangerous");
        Assert.That(inserted, Is.Empty, "no executable element was inserted at any moment of the stream");
        var hrefs = await chat.LastAnswer.Locator("a[href]").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.That(hrefs.Where(h => h.Trim().StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)), Is.Empty, "links: " + string.Join(", ", hrefs));
        Assert.That(Page.Url, Does.EndWith($"/{SampleSite.Company}/chat"), "the page stayed where it was");
        var refused = ConsoleErrors.Where(e => e.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.That(refused, Is.Empty, "the page tried to run something the CSP had to block: " + string.Join("\n", refused));
        AssertNoScriptErrors();
    }

    [Test]
    public async Task Chat_NarrowScreen_FitsWithoutSideScrolling()
    {
        await Page.SetViewportSizeAsync(360, 740);
        Site.Llm.Enqueue(ScriptedReply.Text("| Region | Orders |\n|---|---:|\n| Northern Europe | 120 |\n| Southern Europe | 98 |\n"));
        var chat = await Chat.OpenAsPortalUserAsync(Page, Site, "narrow");
        await chat.AskAsync("Orders per region?");
        await chat.WaitForAnswerAsync();

        await StepAsync("360 px", fullPage: false);
        var overflow = await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.That(overflow, Is.LessThanOrEqualTo(0), "the page scrolls sideways at 360 px");
        await Expect(chat.Send).ToBeInViewportAsync();
    }

    /// <summary>Records, in the page, the last answer's state, text length and table rows at every change (each a frame a user saw).</summary>
    private async Task RecordAnswerLengthsAsync() => await Page.EvaluateAsync("""
        () => {
            window.__iatFrames = [];
            const log = document.querySelector('#iat-messages');
            new MutationObserver(() => {
                const answers = log.querySelectorAll('.iat-answer');
                const last = answers[answers.length - 1];
                const body = last && last.querySelector('.iat-answer-body');
                if (body) {
                    window.__iatFrames.push([last.getAttribute('data-state'), body.textContent.length, body.querySelectorAll('tr').length]);
                }
            }).observe(log, { subtree: true, childList: true, characterData: true, attributes: true });
        }
        """);

    private static async Task<List<(string Category, long Products)>> CategoriesAsync()
    {
        await using var connection = await Site.SalesDatabase.OpenAsync();
        return [.. await connection.QueryAsync<(string, long)>(CategoriesSql)];
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), what + " within 10 s");
            await Task.Delay(100);
        }
    }
}
