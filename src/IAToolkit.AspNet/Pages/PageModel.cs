using System.Security.Claims;
using IAToolkit.AspNet.Localization;
using IAToolkit.Companies;
using Microsoft.AspNetCore.Http;

namespace IAToolkit.AspNet.Pages;

/// <summary>
/// What every page needs: the company (if any), the texts in the page's language and the brand colors. Public only
/// because the pages, Razor components, must be public and take it as a parameter; a host cannot create or read one.
/// </summary>
public sealed class PageModel
{
    internal PageModel(Company? company, UiText text, string brandingCss, string? logoUrl = null, string? returnPath = null)
    {
        Company = company;
        Text = text;
        BrandingCss = brandingCss;
        LogoUrl = logoUrl;
        ReturnPath = returnPath;
    }

    /// <summary>The company the page belongs to; <see langword="null"/> on framework pages.</summary>
    internal Company? Company { get; }

    /// <summary>The texts.</summary>
    internal UiText Text { get; }

    /// <summary>The company's colors as CSS custom properties.</summary>
    internal string BrandingCss { get; }

    /// <summary>The company's logo (<c>/_iatoolkit/{c}/logo?v=…</c>), or <see langword="null"/> when its folder has none.</summary>
    internal string? LogoUrl { get; }

    /// <summary>Where the language switch returns to: this page, without <c>?lang=</c>.</summary>
    internal string? ReturnPath { get; }

    /// <summary>
    /// The model of a page answering <paramref name="http"/>: its language as <see cref="PageLanguage"/> decides (a
    /// <c>?lang=</c> on the request is remembered in the reader's cookie), the company's colors and logo.
    /// </summary>
    internal static PageModel For(HttpContext http, Company? company)
        => new(company, UiTexts.For(PageLanguage.Choose(http, company)), Branding.BrandingCss.For(company), Branding.CompanyLogo.UrlFor(company), PageLanguage.ReturnPath(http, company));

    /// <summary>Without a request (nothing to read the reader's choice from): the user's stored preference, else the company's locale.</summary>
    internal static PageModel For(Company? company, ClaimsPrincipal? user = null)
    {
        var language = user?.FindFirst(Security.IAToolkitAuthentication.LanguageClaim)?.Value ?? company?.Configuration.Language;
        return new(company, UiTexts.For(language), Branding.BrandingCss.For(company), Branding.CompanyLogo.UrlFor(company));
    }

    /// <summary>
    /// Where the brand colors are served as a stylesheet, versioned by their content: the pages' CSP allows no inline
    /// style, and a URL that changes with the colors can be cached.
    /// </summary>
    internal string BrandingStylesheet => Branding.BrandingCss.UrlFor(Company, BrandingCss);

    /// <summary>The path of a page of this company, e.g. <c>/acme/login</c>.</summary>
    internal string PathOf(string page) => Company is null ? "/" : $"/{Company.ShortName}/{page}";
}
