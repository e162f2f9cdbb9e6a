using IAToolkit.AspNet.Branding;
using IAToolkit.AspNet.Home;
using IAToolkit.AspNet.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace IAToolkit.AspNet.Endpoints;

/// <summary>A company's own files for its pages: its logo (<c>/_iatoolkit/{c}/logo</c>) and home stylesheet (<c>/_iatoolkit/{c}/home.css</c>).</summary>
internal static class CompanyFileEndpoints
{
    // An SVG opened on its own is a document that could run script: it gets a policy that allows none (and only
    // its own inline styles), in a sandbox, so a logo can only ever draw.
    private const string SvgPolicy = "default-src 'none'; style-src 'unsafe-inline'; sandbox";

    public static void MapCompanyFiles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/_iatoolkit/{c}/logo", (RouteCompany route, HttpContext http, ILoggerFactory loggers) =>
        {
            if (CompanyLogo.Find(route.Company, loggers.CreateLogger(typeof(CompanyLogo))) is not { } logo)
            {
                return Results.NotFound();
            }

            if (logo.ContentType == "image/svg+xml")
            {
                http.Response.Headers.ContentSecurityPolicy = SvgPolicy;
            }

            return Send(http, logo.File, logo.ContentType);
        }).ExcludeFromDescription();

        endpoints.MapGet("/_iatoolkit/{c}/home.css", (RouteCompany route, HttpContext http, ILoggerFactory loggers) =>
            HomeTemplates.Stylesheet(route.Company, loggers.CreateLogger(typeof(HomeTemplates))) is { } css
                ? Send(http, css, "text/css; charset=utf-8")
                : Results.NotFound()).ExcludeFromDescription();
    }

    private static IResult Send(HttpContext http, CompanyFile file, string contentType)
    {
        var headers = http.Response.Headers;
        headers.ETag = file.ETag;
        headers.CacheControl = "public, max-age=3600";
        headers.XContentTypeOptions = "nosniff";
        return http.Request.Headers.IfNoneMatch == file.ETag
            ? Results.StatusCode(StatusCodes.Status304NotModified)
            : Results.Bytes(file.Body, contentType);
    }
}
