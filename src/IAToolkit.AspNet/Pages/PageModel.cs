using System.Security.Claims;
using IAToolkit.AspNet.Localization;
using IAToolkit.Companies;

namespace IAToolkit.AspNet.Pages;

/// <summary>What every page needs: the company (if any), the texts in the page's language and the brand colors.</summary>
/// <param name="Company">The company the page belongs to; <see langword="null"/> on framework pages.</param>
/// <param name="Text">The texts.</param>
/// <param name="BrandingCss">The company's colors as CSS custom properties.</param>
public sealed record PageModel(Company? Company, UiText Text, string BrandingCss)
{
    internal static PageModel For(Company? company, ClaimsPrincipal? user = null)
    {
        // A signed-in user's own choice wins over the company's locale.
        var language = user?.FindFirst(Security.IAToolkitAuthentication.LanguageClaim)?.Value ?? company?.Configuration.Language;
        return new(company, UiTexts.For(language), Branding.BrandingCss.For(company));
    }

    /// <summary>
    /// Where the brand colors are served as a stylesheet, versioned by their content: the pages' CSP allows no inline
    /// style, and a URL that changes with the colors can be cached.
    /// </summary>
    public string BrandingStylesheet => Branding.BrandingCss.UrlFor(Company, BrandingCss);

    /// <summary>The path of a page of this company, e.g. <c>/acme/login</c>.</summary>
    public string PathOf(string page) => Company is null ? "/" : $"/{Company.ShortName}/{page}";
}
