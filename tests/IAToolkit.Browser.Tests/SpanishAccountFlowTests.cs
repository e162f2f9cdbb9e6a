using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IAToolkit.Browser.Tests;

/// <summary>The same way in, for a Spanish speaker: every text on the way is Spanish.</summary>
public sealed class SpanishAccountFlowTests : BrowserTest
{
    private const string Company = SampleSite.Company;

    protected override string Locale => "es-ES";

    [Test]
    public async Task SignUp_InSpanish_EveryPageOnTheWayIsSpanish()
    {
        var email = Accounts.UniqueAddress("lucia");

        // The language chosen once on the home page holds on every page after it.
        await Page.GotoAsync($"/{Company}/home?lang=es");
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Ingresar" })).ToBeVisibleAsync();
        await StepAsync("inicio");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Crea una" }).ClickAsync();
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
