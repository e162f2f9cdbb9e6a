using System.Security.Claims;
using IAToolkit.AspNet.Localization;
using IAToolkit.Companies;

namespace IAToolkit.AspNet.Pages;

/// <summary>
/// What every page needs: the company (if any), the texts in the page's language and the brand colors. Public only
/// because the pages, Razor components, must be public and take it as a parameter; a host cannot create or read one.
/// </summary>
public sealed class PageModel
{
    internal PageModel(Company? company, UiText text, string brandingCss)
    {
        Company = company;
        Text = text;
        BrandingCss = brandingCss;
    }

    /// <summary>The company the page belongs to; <see langword="null"/> on framework pages.</summary>
    internal Company? Company { get; }

    /// <summary>The texts.</summary>
    internal UiText Text { get; }

    /// <summary>The company's colors as CSS custom properties.</summary>
    internal string BrandingCss { get; }

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
    internal string BrandingStylesheet => Branding.BrandingCss.UrlFor(Company, BrandingCss);

    /// <summary>The path of a page of this company, e.g. <c>/acme/login</c>.</summary>
    internal string PathOf(string page) => Company is null ? "/" : $"/{Company.ShortName}/{page}";
}
