using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IAToolkit.Browser.Tests;

/// <summary>A person's way into the chat and out: sign-up, the mailed link, sign-in, sign-out; and a portal's link.</summary>
public sealed class AccountFlowTests : BrowserTest
{
    private const string Company = SampleSite.Company;

    [Test]
    public async Task SignUp_VerifiedByTheMailedLink_SignsInToTheChatAndOutAgain()
    {
        var email = Accounts.UniqueAddress("ana");

        await Page.GotoAsync($"/{Company}/home");
        await Expect(Page.Locator("form[action$='/login'] input[name=password]")).ToBeVisibleAsync();
        await StepAsync("home");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Create one" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Create your account" })).ToBeVisibleAsync();
        await StepAsync("sign-up form");
        await Accounts.SignUpAsync(Page, email, "Ana", "Pérez");
        await Expect(Page.GetByText($"We sent a verification link to {email}")).ToBeVisibleAsync();
        await StepAsync("check your mail");

        await Page.GotoAsync(await Accounts.VerificationLinkAsync(email));
        await Expect(Page.GetByText("Your e-mail address is verified")).ToBeVisibleAsync();
        await StepAsync("verified");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Back to sign in" }).ClickAsync();
        await Accounts.SignInAsync(Page, email);
        await Accounts.ExpectChatAsync(Page);
        await Expect(Page.Locator("#iat-user")).ToContainTextAsync("Ana Pérez");
        await StepAsync("chat");

        await Accounts.SignOutAsync(Page);
        await StepAsync("signed out");
        await Page.GotoAsync($"/{Company}/chat");
        await Expect(Page).ToHaveURLAsync(new Regex($"/{Company}/login\\?return_url="), new() { Timeout = 5_000 });
        AssertNoScriptErrors();
    }

    [Test]
    public async Task ExternalLogin_PortalLinkOpened_LandsInTheChatAsThePortalUser()
    {
        var link = await Site.ExternalLoginLinkAsync("portal-emp-42");

        await Page.GotoAsync(link);

        await Accounts.ExpectChatAsync(Page);
        await Expect(Page.Locator("#iat-user")).ToContainTextAsync("portal-emp-42");
        await StepAsync("chat from the portal");
        AssertNoScriptErrors();
    }
}
