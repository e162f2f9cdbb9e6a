using IAToolkit.AspNet.Links;
using IAToolkit.AspNet.Pages;
using IAToolkit.AspNet.Security;
using IAToolkit.AspNet.Tenancy;
using IAToolkit.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace IAToolkit.AspNet.Endpoints;

/// <summary>The sign-in, sign-up and sign-out pages of a company (<c>/{c}/…</c>).</summary>
internal static class AccountEndpoints
{
    private static readonly TimeSpan s_minute = TimeSpan.FromMinutes(1);

    public static void MapAccountPages(this IEndpointRouteBuilder endpoints)
    {
        var pages = endpoints.MapGroup("/{c}").ExcludeFromDescription().WithMetadata(new BodySizeLimit(BodySizeLimit.Small));
        pages.MapGet("/", (RouteCompany route) => TypedResults.Redirect($"/{route.Company.ShortName}/home"));
        pages.MapGet("/home", ShowHome);
        pages.MapGet("/login", ShowLogin);
        pages.MapPost("/login", LoginAsync).RateLimitedPerClient("login", 10, s_minute);
        pages.MapGet("/signup", ShowSignUp);
        pages.MapPost("/signup", SignUpAsync).RateLimitedPerClient("signup", 5, s_minute);
        pages.MapGet("/verify/{token}", VerifyAsync).RateLimitedPerClient("verify", 20, s_minute);
        // Sign-out is a POST with an antiforgery token (the form binding requires one): a GET, which any page can make a
        // browser send, only shows the form.
        pages.MapGet("/logout", (RouteCompany route, HttpContext http) => PageResults.Render<LogoutPage>(new { Page = PageModel.For(http, route.Company) }));
        pages.MapPost("/logout", (RouteCompany route, IFormCollection form, HttpContext http, AccountService accounts, SessionStamps stamps) => LogoutAsync(route, http, accounts, stamps));
        pages.MapGet("/chat", ShowChat);
        pages.MapPost("/language", (RouteCompany route, IFormCollection form, HttpContext http, UserStore users) => ChooseLanguageAsync(route, form, http, users));
    }

    private static RazorComponentResult<HomePage> ShowHome(RouteCompany route, HttpContext http)
    {
        var company = route.Company;
        var userName = http.User.BelongsTo(company) ? http.User.Identity!.Name ?? string.Empty : null;
        return PageResults.Render<HomePage>(new { Page = PageModel.For(http, company), UserName = userName });
    }

    private static IResult ShowLogin(RouteCompany route, HttpContext http, string? return_url)
    {
        var company = route.Company;
        var returnUrl = FormValues.LocalReturnUrl(return_url, company.ShortName);
        if (http.User.BelongsTo(company))
        {
            return TypedResults.Redirect(returnUrl ?? $"/{company.ShortName}/chat");
        }

        return PageResults.Render<LoginPage>(new { Page = PageModel.For(http, company), ReturnUrl = returnUrl });
    }

    /// <summary>
    /// The language switch of every page: remembered in this browser's cookie and, for a signed-in user of the
    /// company, as their preference (the language of their e-mails, and of their pages on another device).
    /// </summary>
    private static async Task<IResult> ChooseLanguageAsync(RouteCompany route, IFormCollection form, HttpContext http, UserStore users)
    {
        var company = route.Company;
        var back = FormValues.LocalReturnUrl(form.Text("return_url", 2048), company.ShortName) ?? $"/{company.ShortName}/home";
        if (Localization.PageLanguage.Supported(form.Text("lang", 16)) is not { } language)
        {
            return TypedResults.Redirect(back);
        }

        Localization.PageLanguage.Remember(http, language);
        if (http.User.BelongsTo(company)
            && http.User.FindFirst(IAToolkitAuthentication.AuthTypeClaim)?.Value == "local"
            && long.TryParse(http.User.FindFirst(IAToolkitAuthentication.IdClaim)?.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var userId))
        {
            await users.SetPreferredLanguageAsync(userId, language, http.RequestAborted);
        }

        return TypedResults.Redirect(back);
    }

    private static async Task<IResult> LoginAsync(RouteCompany route, IFormCollection form, HttpContext http, AccountService accounts, CancellationToken cancellationToken)
    {
        var company = route.Company;
        var page = PageModel.For(http, company);
        var email = form.Text("email");
        var returnUrl = FormValues.LocalReturnUrl(form.Text("return_url", 2048), company.ShortName);
        var result = await accounts.LoginAsync(company, email, form.Text("password", AccountRules.MaximumPasswordLength + 1), http.Client(), cancellationToken);
        if (result is { Error: AccountError.TooManyAttempts, RetryAfter: { } wait })
        {
            http.Response.Headers.RetryAfter = Math.Ceiling(wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var minutes = Math.Max(1, (int)Math.Ceiling(wait.TotalMinutes));
            var message = string.Format(System.Globalization.CultureInfo.InvariantCulture, page.Text.ErrorLoginBackoff, minutes);
            return PageResults.Render<LoginPage>(new { Page = page, Email = email, Error = message, ReturnUrl = returnUrl }, StatusCodes.Status429TooManyRequests);
        }

        if (result.User is null)
        {
            var error = PageResults.Describe(page.Text, result.Error!.Value, company.Configuration.Name);
            return PageResults.Render<LoginPage>(new { Page = page, Email = email, Error = error, ReturnUrl = returnUrl }, StatusCodes.Status400BadRequest);
        }

        await http.SignInAsync(IAToolkitAuthentication.SessionScheme, SessionPrincipals.ForLocalUser(company, result.User));
        return TypedResults.Redirect(returnUrl ?? $"/{company.ShortName}/chat");
    }

    private static IResult ShowSignUp(RouteCompany route, HttpContext http)
    {
        var page = PageModel.For(http, route.Company);
        return route.Company.Configuration.Parameters.SignUp.Enabled ? PageResults.Render<SignUpPage>(new { Page = page }) : PageResults.SignUpClosed(page);
    }

    private static async Task<IResult> SignUpAsync(RouteCompany route, IFormCollection form, HttpContext http, AccountService accounts, CancellationToken cancellationToken)
    {
        var company = route.Company;
        var page = PageModel.For(http, company);
        if (!company.Configuration.Parameters.SignUp.Enabled)
        {
            return PageResults.SignUpClosed(page);
        }

        var input = new SignUpInput(form.Text("email"), form.Text("first_name", 100), form.Text("last_name", 100), form.Text("password", 200), form.Text("confirm_password", 200));
        var result = await accounts.SignUpAsync(company, input, token => Link(http, company.ShortName, "verify", token), page.Text.Language, cancellationToken);
        var name = company.Configuration.Name;

        // A new address and one that already has an account get the same page (the service makes sure of it).
        switch (result.Outcome)
        {
            case SignUpOutcome.VerificationSent:
                return PageResults.Notice(page, page.Text.SignUpTitle, string.Format(System.Globalization.CultureInfo.InvariantCulture, page.Text.SignUpCheckMail, AccountRules.NormalizeEmail(input.Email)));
            case SignUpOutcome.Active:
                return PageResults.Render<LoginPage>(new { Page = page, Email = AccountRules.NormalizeEmail(input.Email), Notice = page.Text.SignUpDone });
            case SignUpOutcome.JoinedExisting:
                return PageResults.Render<LoginPage>(new { Page = page, Email = AccountRules.NormalizeEmail(input.Email), Notice = string.Format(System.Globalization.CultureInfo.InvariantCulture, page.Text.SignUpJoined, name) });
            default:
                if (result.Errors.Any(e => e.Error == AccountError.SignUpClosed))
                {
                    return PageResults.SignUpClosed(page);
                }

                var formError = result.Errors.FirstOrDefault(e => e.Field.Length == 0);
                return PageResults.Render<SignUpPage>(
                    new
                    {
                        Page = page,
                        input.Email,
                        input.FirstName,
                        input.LastName,
                        Errors = PageResults.Describe(page.Text, result.Errors.Where(e => e != formError), name),
                        FormError = formError is null ? null : PageResults.Describe(page.Text, formError.Error, name),
                    },
                    StatusCodes.Status400BadRequest);
        }
    }

    private static async Task<IResult> VerifyAsync(RouteCompany route, string token, HttpContext http, AccountService accounts, CancellationToken cancellationToken)
    {
        var page = PageModel.For(http, route.Company);
        var status = await accounts.VerifyEmailAsync(route.Company, token, cancellationToken);
        return status == TokenStatus.Redeemed
            ? PageResults.Notice(page, page.Text.VerifiedTitle, page.Text.VerifiedText)
            : PageResults.RefusedLink(page, status, page.Text.LinkAgainVerify);
    }

    private static async Task<IResult> LogoutAsync(RouteCompany route, HttpContext http, AccountService accounts, SessionStamps stamps)
    {
        // Ends every session of the user, on every device and host, not only this browser's cookie.
        var user = http.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            var authType = user.FindFirst(IAToolkitAuthentication.AuthTypeClaim)?.Value;
            if (authType == "local" && long.TryParse(user.FindFirst(IAToolkitAuthentication.IdClaim)?.Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var userId))
            {
                await accounts.EndSessionsAsync(userId, http.RequestAborted);
            }
            else if (authType == "external" && user.FindFirst(IAToolkitAuthentication.CompanyClaim)?.Value is { } company && user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value is { } identifier)
            {
                await stamps.RenewForExternalUserAsync(company, identifier);
            }
        }

        await http.SignOutAsync(IAToolkitAuthentication.SessionScheme);
        var target = route.Company.Configuration.Parameters.LogoutUrl;
        return TypedResults.Redirect(target?.ToString() ?? $"/{route.Company.ShortName}/home");
    }

    private static IResult ShowChat(RouteCompany route, HttpContext http)
    {
        var company = route.Company;
        if (!http.User.BelongsTo(company))
        {
            return TypedResults.Redirect($"/{company.ShortName}/login?return_url={Uri.EscapeDataString($"/{company.ShortName}/chat")}");
        }

        var page = PageModel.For(http, company);
        return PageResults.Render<ChatPage>(new { Page = page, Chat = ChatPageModels.For(company, http, page.Text.Language) });
    }

    /// <summary>An absolute link to a company page, for e-mails: always on the configured public base URL, never the request's Host.</summary>
    public static Uri Link(HttpContext http, string company, string page, string token)
        => http.RequestServices.GetRequiredService<PublicUrls>().CompanyPage(company, page, token);
}
