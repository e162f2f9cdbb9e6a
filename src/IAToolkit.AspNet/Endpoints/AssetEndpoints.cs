using System.Collections.Concurrent;
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
    // Every file under Assets/ is embedded as IAToolkit.Assets.<name>; they are loaded once, on first use.
    // Only files that exist are kept, so requests for made-up names cannot grow it.
    private static readonly ConcurrentDictionary<string, (byte[] Body, string ETag)> s_assets = new(StringComparer.Ordinal);

    public static void MapAssets(this IEndpointRouteBuilder endpoints)
    {
        // Route precedence keeps /_iatoolkit/branding.css (a literal) out of this one.
        endpoints.MapGet("/_iatoolkit/{file}", (string file, HttpContext http) =>
        {
            var type = ContentType(file);
            if (type is null || Find(file) is not { } asset)
            {
                return Results.NotFound();
            }

            return Send(http, asset.Body, asset.ETag, type);
        }).ExcludeFromDescription();

        // The brand colors (see BrandingCss): the framework's defaults, and each company's.
        endpoints.MapGet("/_iatoolkit/branding.css", (HttpContext http) => BrandColors(http, null)).ExcludeFromDescription();
        endpoints.MapGet("/_iatoolkit/{c}/branding.css", (RouteCompany route, HttpContext http) => BrandColors(http, route.Company)).ExcludeFromDescription();
        endpoints.MapCompanyFiles();
    }

    private static IResult BrandColors(HttpContext http, Company? company)
    {
        var css = BrandingCss.For(company);
        return Css(http, Encoding.UTF8.GetBytes(css), $"\"{BrandingCss.Version(css)}\"");
    }

    private static IResult Css(HttpContext http, byte[] body, string etag) => Send(http, body, etag, "text/css; charset=utf-8");

    private static IResult Send(HttpContext http, byte[] body, string etag, string contentType)
    {
        http.Response.Headers.ETag = etag;
        http.Response.Headers.CacheControl = "public, max-age=3600";
        return http.Request.Headers.IfNoneMatch == etag
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(body, contentType);
    }

    /// <summary>Only these kinds of files are served; anything else embedded under that prefix stays private.</summary>
    private static string? ContentType(string file) => Path.GetExtension(file) switch
    {
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".woff2" => "font/woff2",
        _ => null,
    };

    private static (byte[] Body, string ETag)? Find(string name)
    {
        if (s_assets.TryGetValue(name, out var cached))
        {
            return cached;
        }

        if (Load(name) is not { } loaded)
        {
            return null;
        }

        s_assets.TryAdd(name, loaded);
        return loaded;
    }

    private static (byte[] Body, string ETag)? Load(string name)
    {
        using var stream = typeof(AssetEndpoints).Assembly.GetManifestResourceStream("IAToolkit.Assets." + name);
        if (stream is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var body = buffer.ToArray();
        return (body, new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..16]}\"").ToString());
    }
}
