using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IAToolkit.Browser.Tests;

/// <summary>The chat page as its DOM contract names it (ids and classes the chat keeps stable for these tests).</summary>
internal sealed class Chat(IPage page)
{
    /// <summary>Generous: on a busy 2-core machine a scripted answer with a tool call takes a few seconds.</summary>
    public static readonly float AnswerTimeout = 30_000;

    public ILocator Question => page.Locator("#iat-question");

    public ILocator Send => page.Locator("#iat-send");

    public ILocator Stop => page.Locator("#iat-stop");

    public ILocator Answers => page.Locator("#iat-messages .iat-answer");

    public ILocator Questions => page.Locator("#iat-messages .iat-question");

    public ILocator LastAnswer => Answers.Last;

    /// <summary>Opens the chat as a portal user (one request, no mail): each test gets a user of its own.</summary>
    public static async Task<Chat> OpenAsPortalUserAsync(IPage page, SampleSite site, string tag)
    {
        var user = $"{tag}-{Guid.NewGuid():N}@example.com";
        await page.GotoAsync(await site.ExternalLoginLinkAsync(user));
        await Accounts.ExpectChatAsync(page);
        var chat = new Chat(page);
        await Expect(chat.Question).ToBeEditableAsync();
        return chat;
    }

    /// <summary>Types a question and sends it with the send button; returns once its answer appeared.</summary>
    public async Task AskAsync(string question)
    {
        var before = await Answers.CountAsync();
        await Question.FillAsync(question);
        await Send.ClickAsync();
        await Expect(Answers).ToHaveCountAsync(before + 1);
    }

    /// <summary>Waits until the last answer is complete, and fails if it ended otherwise.</summary>
    public async Task WaitForAnswerAsync()
    {
        await Expect(LastAnswer).Not.ToHaveAttributeAsync("data-state", "streaming", new() { Timeout = AnswerTimeout });
        var state = await LastAnswer.GetAttributeAsync("data-state");
        var error = await LastAnswer.Locator(".iat-answer-error").AllInnerTextsAsync();
        Assert.That(state, Is.EqualTo("done"), "the answer ended as " + state + ": " + string.Join(" ", error));
    }
}
