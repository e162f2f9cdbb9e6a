using System.Security.Cryptography;
using System.Text;
using IAToolkit.AspNet.Branding;
using IAToolkit.AspNet.Tenancy;
using IAToolkit.Companies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace IAToolkit.AspNet.Endpoints;

/// <summary>The pages' own files (<c>/_iatoolkit/…</c>), embedded in the assembly so that every host has them.</summary>
internal static class AssetEndpoints
{
    private static readonly Lazy<(byte[] Body, string ETag)> s_siteCss = new(() => Load("site.css"));

    public static void MapAssets(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/_iatoolkit/site.css", (HttpContext http) =>
        {
            var (body, etag) = s_siteCss.Value;
            return Css(http, body, etag);
        }).ExcludeFromDescription();

        // The brand colors (see BrandingCss): the framework's defaults, and each company's.
        endpoints.MapGet("/_iatoolkit/branding.css", (HttpContext http) => BrandColors(http, null)).ExcludeFromDescription();
        endpoints.MapGet("/_iatoolkit/{c}/branding.css", (RouteCompany route, HttpContext http) => BrandColors(http, route.Company)).ExcludeFromDescription();
    }

    private static IResult BrandColors(HttpContext http, Company? company)
    {
        var css = BrandingCss.For(company);
        return Css(http, Encoding.UTF8.GetBytes(css), $"\"{BrandingCss.Version(css)}\"");
    }

    private static IResult Css(HttpContext http, byte[] body, string etag)
    {
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "public, max-age=3600";
        return http.Request.Headers.IfNoneMatch == etag
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(body, "text/css; charset=utf-8");
    }

    private static (byte[] Body, string ETag) Load(string name)
    {
        using var stream = typeof(AssetEndpoints).Assembly.GetManifestResourceStream("IAToolkit.Assets." + name)
            ?? throw new InvalidOperationException($"The asset {name} is not embedded.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var body = buffer.ToArray();
        return (body, new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..16]}\"").ToString());
    }
}
