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

        await Page.GotoAsync($"/{Company}/signup");
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

/// <summary>The same way in, for a Spanish speaker: every text on the way is Spanish.</summary>
public sealed class SpanishAccountFlowTests : BrowserTest
{
    private const string Company = SampleSite.Company;

    protected override string Locale => "es-ES";

    [Test]
    public async Task SignUp_InSpanish_EveryPageOnTheWayIsSpanish()
    {
        var email = Accounts.UniqueAddress("lucia");

        await Page.GotoAsync($"/{Company}/signup?lang=es");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Crea tu cuenta" })).ToBeVisibleAsync();
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", new Regex("^es"));
        await StepAsync("registro");
        await Accounts.SignUpAsync(Page, email, "Lucía", "Fernández");
        await Expect(Page.GetByText($"Enviamos un enlace de verificación a {email}")).ToBeVisibleAsync();
        await StepAsync("revisa tu correo");

        await Page.GotoAsync(await Accounts.VerificationLinkAsync(email));
        await Expect(Page.GetByText("Tu correo electrónico está verificado")).ToBeVisibleAsync();
        await StepAsync("verificado");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Volver a iniciar sesión" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Iniciar sesión" })).ToBeVisibleAsync();
        await StepAsync("iniciar sesión");
        await Accounts.SignInAsync(Page, email);
        await Accounts.ExpectChatAsync(Page);
        await Expect(Page.Locator("#iat-logout")).ToContainTextAsync("Cerrar sesión");
        await Expect(Page.GetByLabel("Tu pregunta")).ToHaveAttributeAsync("placeholder", "Escribe una pregunta…");
        await Expect(Page.Locator("html")).ToHaveAttributeAsync("lang", new Regex("^es"));
        await StepAsync("chat");

        await Accounts.SignOutAsync(Page);
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Ingresar" })).ToBeVisibleAsync();
        await StepAsync("sesión cerrada");
        AssertNoScriptErrors();
    }
}
