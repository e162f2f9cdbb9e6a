using IAToolkit.AspNet.Localization;
using IAToolkit.AspNet.Pages;
using IAToolkit.Identity;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IAToolkit.AspNet.Endpoints;

/// <summary>Renders the pages (Razor components) as endpoint results.</summary>
internal static class PageResults
{
    public static RazorComponentResult<T> Render<T>(object parameters, int status = StatusCodes.Status200OK)
        where T : IComponent
        => new(parameters) { StatusCode = status };

    public static RazorComponentResult<NoticePage> Notice(PageModel page, string title, string message, int status = StatusCodes.Status200OK)
        => Render<NoticePage>(new { Page = page, Title = title, Message = message, IsError = status >= 400 }, status);

    /// <summary>The page for a refused link: why, and what to do next.</summary>
    public static RazorComponentResult<NoticePage> RefusedLink(PageModel page, TokenStatus status, string nextStep)
    {
        var text = page.Text;
        var message = status switch
        {
            TokenStatus.Expired => text.LinkExpired,
            TokenStatus.AlreadyUsed => text.LinkUsed,
            _ => text.LinkInvalid,
        };
        return Render<NoticePage>(new { Page = page, Title = text.LinkInvalidTitle, Message = message, Detail = nextStep, IsError = true }, StatusCodes.Status400BadRequest);
    }

    /// <summary>The page for a company that does not offer sign-up: a 404 that says so.</summary>
    public static RazorComponentResult<NoticePage> SignUpClosed(PageModel page)
        => Notice(page, page.Text.SignUpClosedTitle, string.Format(System.Globalization.CultureInfo.InvariantCulture, page.Text.SignUpClosedText, page.Company?.Configuration.Name), StatusCodes.Status404NotFound);

    public static string Describe(UiText text, AccountError error, string companyName) => error switch
    {
        AccountError.Required => text.ErrorRequired,
        AccountError.InvalidEmail => text.ErrorEmail,
        AccountError.InvalidName => text.ErrorName,
        AccountError.PasswordTooWeak => text.ErrorPasswordWeak,
        AccountError.PasswordsDiffer => text.ErrorPasswordsDiffer,
        AccountError.AccountExists => text.ErrorAccountExists,
        AccountError.NotVerified => text.ErrorNotVerified,
        AccountError.NotMember => string.Format(System.Globalization.CultureInfo.InvariantCulture, text.ErrorNotMember, companyName),
        AccountError.MailFailed => text.ErrorMail,
        AccountError.DomainNotAllowed => string.Format(System.Globalization.CultureInfo.InvariantCulture, text.ErrorDomainNotAllowed, companyName),
        AccountError.SignUpClosed => string.Format(System.Globalization.CultureInfo.InvariantCulture, text.SignUpClosedText, companyName),
        _ => text.ErrorInvalidCredentials,
    };

    public static IReadOnlyDictionary<string, string> Describe(UiText text, IEnumerable<FieldError> errors, string companyName)
        => errors.Where(e => e.Field.Length > 0).GroupBy(e => e.Field).ToDictionary(g => g.Key, g => Describe(text, g.First().Error, companyName));
}
