using IAToolkit.AspNet.Pages;
using IAToolkit.AspNet.Security;
using IAToolkit.AspNet.Tenancy;
using IAToolkit.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IAToolkit.AspNet.Endpoints;

/// <summary>Forgot password → e-mailed link → choose a new password (<c>/{c}/forgot-password</c>, <c>/{c}/change-password/{token}</c>).</summary>
internal static class PasswordEndpoints
{
    private static readonly TimeSpan s_minute = TimeSpan.FromMinutes(1);

    public static void MapPasswordPages(this IEndpointRouteBuilder endpoints)
    {
        var pages = endpoints.MapGroup("/{c}").ExcludeFromDescription().WithMetadata(new BodySizeLimit(BodySizeLimit.Small));
        pages.MapGet("/forgot-password", (RouteCompany route, HttpContext http) => PageResults.Render<ForgotPasswordPage>(new { Page = PageModel.For(http, route.Company) }));
        pages.MapPost("/forgot-password", RequestResetAsync).RateLimitedPerClient("forgot", 5, s_minute);
        pages.MapGet("/change-password/{token}", ShowChangeAsync).RateLimitedPerClient("reset", 20, s_minute);
        pages.MapPost("/change-password/{token}", ChangeAsync).RateLimitedPerClient("reset", 20, s_minute);
    }

    private static async Task<IResult> RequestResetAsync(RouteCompany route, IFormCollection form, HttpContext http, AccountService accounts, CancellationToken cancellationToken)
    {
        var company = route.Company;
        var page = PageModel.For(http, company);
        var email = form.Text("email");
        if (AccountRules.NormalizeEmail(email) is null)
        {
            var error = email is null ? page.Text.ErrorRequired : page.Text.ErrorEmail;
            return PageResults.Render<ForgotPasswordPage>(new { Page = page, Email = email, Error = error }, StatusCodes.Status400BadRequest);
        }

        // The same page, at once, whether or not the address has an account: the mail (if any) is sent in the background.
        await accounts.RequestPasswordResetAsync(company, email, token => AccountEndpoints.Link(http, company.ShortName, "change-password", token), page.Text.Language, cancellationToken);
        return PageResults.Notice(page, page.Text.ForgotTitle, page.Text.ForgotSent);
    }

    private static async Task<IResult> ShowChangeAsync(RouteCompany route, string token, HttpContext http, AccountService accounts, CancellationToken cancellationToken)
    {
        var page = PageModel.For(http, route.Company);
        var status = await accounts.InspectResetLinkAsync(route.Company, token, cancellationToken);
        return status == TokenStatus.Redeemed
            ? PageResults.Render<ChangePasswordPage>(new { Page = page, Token = token })
            : PageResults.RefusedLink(page, status, page.Text.LinkAgainReset);
    }

    private static async Task<IResult> ChangeAsync(RouteCompany route, string token, IFormCollection form, HttpContext http, AccountService accounts, CancellationToken cancellationToken)
    {
        var company = route.Company;
        var page = PageModel.For(http, company);
        var result = await accounts.ResetPasswordAsync(company, token, form.Text("password", 200), form.Text("confirm_password", 200), cancellationToken);
        if (result.Token != TokenStatus.Redeemed)
        {
            return PageResults.RefusedLink(page, result.Token, page.Text.LinkAgainReset);
        }

        return result.Succeeded
            ? PageResults.Render<LoginPage>(new { Page = page, Notice = page.Text.PasswordChanged })
            : PageResults.Render<ChangePasswordPage>(new { Page = page, Token = token, Errors = PageResults.Describe(page.Text, result.Errors, company.Configuration.Name) }, StatusCodes.Status400BadRequest);
    }
}
