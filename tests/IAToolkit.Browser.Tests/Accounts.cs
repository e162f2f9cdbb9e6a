using System.Text.RegularExpressions;
using IAToolkit.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IAToolkit.Browser.Tests;

/// <summary>What a person does on the account pages: fill the forms, open the link in the mail, reach the chat.</summary>
internal static partial class Accounts
{
    public const string Password = "Str0ng!pass";

    private const string Company = SampleSite.Company;

    /// <summary>An address no other test uses, so each test finds its own mail.</summary>
    public static string UniqueAddress(string tag) => $"{tag}-{Guid.NewGuid():N}@example.com";

    /// <summary>Fills the sign-up form shown on the page and sends it.</summary>
    public static async Task SignUpAsync(IPage page, string email, string firstName, string lastName)
    {
        await page.Locator("#first_name").FillAsync(firstName);
        await page.Locator("#last_name").FillAsync(lastName);
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(Password);
        await page.Locator("#confirm_password").FillAsync(Password);
        await page.Locator("form[action$='/signup'] button[type=submit]").ClickAsync();
    }

    /// <summary>Fills the sign-in form shown on the page and sends it.</summary>
    public static async Task SignInAsync(IPage page, string email)
    {
        var form = page.Locator("form[action$='/login']");
        await form.Locator("input[name=email]").FillAsync(email);
        await form.Locator("input[name=password]").FillAsync(Password);
        await form.Locator("button[type=submit]").ClickAsync();
    }

    /// <summary>The verification link in the mail the SMTP sink caught for <paramref name="email"/>.</summary>
    public static async Task<string> VerificationLinkAsync(string email)
    {
        var mail = await Smtp4devMailbox.FindToAsync(email);
        var link = Link().Matches(mail.HtmlBody ?? mail.TextBody ?? string.Empty)
            .Select(m => m.Value)
            .FirstOrDefault(l => l.Contains($"/{Company}/verify/", StringComparison.Ordinal));
        Assert.That(link, Is.Not.Null, $"no verification link in the mail to {email}:\n{mail.HtmlBody}");
        return link!;
    }

    /// <summary>The page is the company's chat, with the chat's frame on it.</summary>
    public static async Task ExpectChatAsync(IPage page)
    {
        await Expect(page).ToHaveURLAsync(new Regex($"/{Company}/chat$"));
        await Expect(page.Locator("#iat-chat")).ToBeVisibleAsync();
        await Expect(page.Locator("#iat-question")).ToBeVisibleAsync();
    }

    /// <summary>Signs out with the chat's sign-out button and checks the user is back where one signs in.</summary>
    public static async Task SignOutAsync(IPage page)
    {
        await page.Locator("#iat-logout").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/{Company}/(home|login)(\\?.*)?$"));
        await Expect(page.Locator("form[action$='/login'] input[name=password]")).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"https?://[^\s""'<>]+")]
    private static partial Regex Link();
}
